package com.chosen.api.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the pages under docs/ hold together: every relative link reaches a file of the
 * repository, every {@code #anchor} a heading of its page (GitHub's slugs), every page is on the
 * README's map, and the README's two commands for a fresh machine are the ones CI runs. Plain JUnit:
 * it reads files and needs neither Quarkus nor a database.
 */
class DocumentationLinksTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    /** What the README promises a fresh machine, in this order (see .ci/run for the second). */
    private static final String DEV_MODE_COMMAND = "./mvnw quarkus:dev";
    private static final String TEST_COMMAND = "./mvnw verify";

    /** Maven's batch mode: plain log output for a CI log (no colours, no download progress); same build. */
    private static final String BATCH_MODE = "-B";

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    /** An inline link or image, {@code [text](target "title")}; the text may span lines. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition, {@code [name]: target}. */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** GitHub's line anchors in a code file, #L12 or #L12-L20. */
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(-L\\d+)?");

    @Test
    void everyRelativeLinkAndAnchorInTheReadmeAndTheDocsResolves() {
        List<String> broken = brokenLinks(REPOSITORY, documentationPages(REPOSITORY));
        assertTrue(broken.isEmpty(), "Broken links in the documentation:\n  " + String.join("\n  ", broken));
    }

    @Test
    void theReadmeMapsEveryPageUnderDocs() {
        Set<Path> linked = links(REPOSITORY.resolve("README.md")).stream()
                .map(link -> link.target().split("#", 2)[0])
                .filter(path -> !path.isEmpty() && !EXTERNAL.matcher(path).find())
                .map(path -> REPOSITORY.resolve(path).normalize())
                .collect(Collectors.toSet());
        List<String> unmapped = documentationPages(REPOSITORY).stream()
                .filter(page -> page.getParent().equals(REPOSITORY.resolve("docs")) && !linked.contains(page))
                .map(page -> REPOSITORY.relativize(page).toString())
                .toList();
        assertTrue(unmapped.isEmpty(), "Pages under docs/ missing from the README's map: " + unmapped);
    }

    @Test
    void theReadmeOpensWithTheDevModeCommandThenTheTestCommand() {
        assertEquals(List.of(DEV_MODE_COMMAND, TEST_COMMAND), readmeCommands(),
                "README.md: the first fenced block (before any other text) must hold the dev-mode command, then the test command");
    }

    @Test
    void theReadmesTestCommandIsAStageOfContinuousIntegration() {
        String readmeTest = readmeCommands().get(1);
        List<List<String>> stages = ciStageCommands(read(REPOSITORY.resolve(".ci/run")));
        // CI passes -B (batch mode) for a readable log; it changes no goal, phase or property, so the
        // stage runs what the README's command runs. Anything else (a -D, another goal) must match.
        boolean found = stages.stream().anyMatch(stage -> withoutBatchMode(stage).equals(words(readmeTest)));
        assertTrue(found, ".ci/run has no stage running the README's test command '" + readmeTest
                + "' (ignoring " + BATCH_MODE + "); its stages run: " + stages);
    }

    @Test
    void theReadmesDevModeCommandRunsTheQuarkusPluginThroughTheWrapper() {
        assertEquals(DEV_MODE_COMMAND, readmeCommands().get(0));
        assertTrue(Files.isExecutable(REPOSITORY.resolve("mvnw")), "./mvnw is missing or not executable");
        assertTrue(read(REPOSITORY.resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>"),
                "pom.xml declares no quarkus-maven-plugin, so quarkus:dev would not resolve");
    }

    @Test
    void gitHubSlugsAreLowerCaseWithoutPunctuationAndNumberRepeatedHeadings() {
        assertEquals(List.of("sessions-and-password-reset", "health-metrics-logs", "where-a-gets-cpu-goes",
                        "the-final-tree-2026-11-30", "kernelrows-and-snake_case", "tests", "tests-1", "tests-2"),
                slugs("## Sessions and password reset\n## Health, metrics, logs\n### Where a GET's CPU goes\n"
                        + "### The final tree, 2026-11-30\n## `kernel.rows` and *snake_case*\n# Tests\n## Tests\n## Tests\n"));
    }

    @Test
    void aMissingFileOrHeadingIsReportedWithItsPageAndLineWhileCodeAndWebLinksAreLeftAlone(@TempDir Path root)
            throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("README.md"), """
                # Title
                See [the page](docs/page.md#a-heading), [gone](docs/gone.md) and
                [a wrong
                heading](docs/page.md#nowhere), [the web](https://example.com/x.md#y).

                ```bash
                echo "[in code](docs/not-checked.md)"
                ```
                An inline `[code span](docs/not-checked-either.md)`.
                """);
        Files.writeString(root.resolve("docs/page.md"), "# Page\n\n## A heading\n\n[back](../README.md#title) [self](#page)\n");
        List<String> broken = brokenLinks(root, List.of(root.resolve("README.md"), root.resolve("docs/page.md")));
        assertEquals(List.of("README.md:2: docs/gone.md: no such file",
                "README.md:3: docs/page.md#nowhere: no heading with the anchor 'nowhere' in docs/page.md"), broken);
    }

    // ------------------------------------------------------------------------------------------------

    /** README.md and every Markdown page under docs/, as absolute paths. */
    private static List<Path> documentationPages(Path root) {
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** "page:line: target: why" for every relative link of the pages that does not resolve. */
    private static List<String> brokenLinks(Path root, List<Path> pages) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String where = root.relativize(page).toString().replace('\\', '/');
            for (Link link : links(page)) {
                String target = link.target();
                if (target.isEmpty() || EXTERNAL.matcher(target).find()) {
                    continue; // http(s), mailto: checked by nobody here
                }
                String[] parts = target.split("#", 2);
                Path file = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
                String prefix = where + ":" + link.line() + ": " + target + ": ";
                if (!file.startsWith(root) || !Files.exists(file)) {
                    broken.add(prefix + "no such file");
                    continue;
                }
                if (parts.length < 2) {
                    continue;
                }
                String anchor = parts[1];
                if (file.toString().endsWith(".md")) {
                    if (!anchors.computeIfAbsent(file, f -> new LinkedHashSet<>(slugs(read(f)))).contains(anchor)) {
                        broken.add(prefix + "no heading with the anchor '" + anchor + "' in "
                                + root.relativize(file).toString().replace('\\', '/'));
                    }
                } else if (!LINE_ANCHOR.matcher(anchor).matches()) {
                    broken.add(prefix + "'#" + anchor + "' is neither a heading nor a line (#L12) of a code file");
                }
            }
        }
        return broken;
    }

    private record Link(String target, int line) {
    }

    /** The links of a page outside fenced code blocks and code spans, with the line each starts on. */
    private static List<Link> links(Path page) {
        String text = withoutCode(read(page));
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                links.add(new Link(matcher.group(1), line));
            }
        }
        links.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return links;
    }

    /** The text with fenced blocks and code spans blanked out (line breaks kept, so lines still count). */
    private static String withoutCode(String text) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                out.append('\n');
                continue;
            }
            out.append(fenced ? "" : line).append('\n');
        }
        return CODE_SPAN.matcher(out).replaceAll(match -> match.group().replaceAll("[^\n]", " "));
    }

    /**
     * The anchors GitHub gives the page's headings: the heading's text (formatting and link targets
     * dropped) in lower case, every character other than a letter, a digit, '-', '_' or a space removed,
     * spaces turned into '-'; a repeated anchor gets -1, -2, ...
     */
    static List<String> slugs(String markdown) {
        List<String> slugs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String text = heading.group(2)
                    .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link keeps its text
                    .replaceAll("[`*]", "");                         // code and emphasis marks
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}\\-_ ]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return slugs;
    }

    /**
     * The first two commands of the README's first fenced block, which must come before any other
     * text (the title aside): the commands a fresh machine needs, comments dropped.
     */
    private static List<String> readmeCommands() {
        List<String> commands = new ArrayList<>();
        boolean fenced = false;
        for (String line : read(REPOSITORY.resolve("README.md")).split("\n")) {
            if (FENCE.matcher(line).find()) {
                if (fenced) {
                    break;
                }
                fenced = true;
                continue;
            }
            if (!fenced) {
                assertTrue(line.isBlank() || HEADING.matcher(line).matches(),
                        "README.md: the two commands must come first, before '" + line + "'");
                continue;
            }
            String command = line.replaceAll("(^|\\s)#.*$", "").strip();
            if (!command.isEmpty() && commands.size() < 2) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** The command of every {@code stage NAME COMMAND...} line of .ci/run, as words. */
    static List<List<String>> ciStageCommands(String script) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            List<String> words = words(line.strip());
            if (words.size() > 2 && words.get(0).equals("stage")) {
                commands.add(words.subList(2, words.size()));
            }
        }
        return commands;
    }

    /** A shell line's words: split at blanks outside quotes, quotes removed (enough for .ci/run). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> withoutBatchMode(List<String> command) {
        return command.stream().filter(word -> !word.equals(BATCH_MODE) && !word.equals("--batch-mode")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
