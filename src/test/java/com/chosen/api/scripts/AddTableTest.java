package com.chosen.api.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table generator ({@code scripts/AddTable.java} and its templates in {@code scripts/add-table/})
 * cannot drift from the hand-written tables it copies: given the fields and rules of questionnaires,
 * workouts and categories, it writes their hand-written files, and their changesets as they stand now
 * (the table's, then the list's index added since), except for the documentation text (comments,
 * {@code summary}, {@code description} and {@code example}) and the few extension points listed
 * below, where a table adds rules of its own. Whoever changes a convention in one of these
 * features, or a kernel shape they use, changes the templates with it, or this test fails. And
 * what it writes for every field type compiles against the kernel and the test support as they are.
 * {@code scripts/check-add-table.sh} (CI) also runs the generated tests against the database.
 */
class AddTableTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path MAIN = REPOSITORY.resolve("src/main/java/com/chosen/api");
    private static final Path CHANGES = REPOSITORY.resolve("src/main/resources/db/changes");
    private static final Path OWNERSHIP_TEST = Path.of("src/test/java/com/chosen/api/kernel/rows/OwnershipTest.java");
    private static final Pattern CHANGE_SET = Pattern.compile("(?s)<changeSet id=\"([^\"]+)\".*?</changeSet>");

    /**
     * Where a hand-written file (or changeset, by id) may differ from the generated one: the text
     * between {@code after} and {@code before} (the end of the class when {@code before} is null), in both.
     */
    record ExtensionPoint(String file, String rule, String after, String before) {
    }

    private static final List<ExtensionPoint> WORKOUT_EXTENSIONS = List.of(
            new ExtensionPoint("WorkoutResource.java", "list filter: from and to",
                    "public Uni<Response> list(@BeanParam @Valid PageRequest page,", "@QueryParam(\"user_id\")"),
            new ExtensionPoint("WorkoutResource.java", "list query: from and to bound workout_date, newest workout_date first",
                    "Long userId) {", ".map(found -> Responses.list(found, WorkoutResponse::of));"),
            new ExtensionPoint("012-workouts-list-index", "the list's index: newest workout_date first",
                    "<changeSet id=\"\" author=\"chosen\">", "</changeSet>"));

    private static final List<ExtensionPoint> CATEGORY_EXTENSIONS = List.of(
            new ExtensionPoint("CategoryResource.java", "create: a name taken in any case is a 409",
                    "@HeaderParam(Idempotency.HEADER) String idempotencyKey) {", ".map(category -> Responses.created("),
            new ExtensionPoint("CategoryResource.java", "list: ordered by name regardless of case",
                    "Page.of(Category.class).window(", ", page)"),
            new ExtensionPoint("CategoryResource.java", "update: a name taken in any case is a 409",
                    "@Valid @NotNull CategoryChanges changes) {", ".map(category -> Responses.ok("),
            new ExtensionPoint("CategoryResource.java", "delete: not while cars are in the category (409); nameTaken",
                    "@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {", null));

    private static Method run;

    @BeforeAll
    static void compileTheGenerator(@TempDir Path classes) throws Exception {
        compile(classes, List.of(REPOSITORY.resolve("scripts/AddTable.java")), List.of());
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, ClassLoader.getPlatformClassLoader());
        run = loader.loadClass("AddTable").getMethod("run", String[].class, PrintStream.class, PrintStream.class);
    }

    @Test
    void theQuestionnairesTableItWritesIsTheHandWrittenQuestionnairePackage(@TempDir Path root) throws Exception {
        generate(repositoryBefore(4, root), "questionnaires", "owned",
                "goal:enum:lose_weight,build_muscle,improve_endurance,stay_healthy",
                "experience_level:enum:beginner,intermediate,advanced",
                "sessions_per_week:int:1..14", "minutes_per_session:int?:5..300", "injuries:text?:<=500");
        assertSameFiles(root, "questionnaire", "questionnaire", List.of("004-questionnaires", "012-questionnaires-list-index"),
                List.of());
    }

    @Test
    void theWorkoutsTableItWritesIsTheHandWrittenWorkoutPackageButForTheDateFilterAndOrder(@TempDir Path root)
            throws Exception {
        generate(repositoryBefore(5, root), "workouts", "owned", "name:string:1..100", "description:text?:<=500",
                "duration_minutes:int?:1..1440", "calories_burned:decimal?:0..1000000", "workout_date:datetime");
        assertSameFiles(root, "workout", "workout", List.of("005-workouts", "012-workouts-list-index"), WORKOUT_EXTENSIONS);
    }

    @Test
    void theCategoriesTableItWritesIsTheHandWrittenCategoryButForItsUniqueNamesAndCars(@TempDir Path root)
            throws Exception {
        generate(repositoryBefore(9, root), "categories", "catalog", "name:string:1..100", "description:text?:<=500");
        // the catalog package holds cars too: only the category's files are compared
        assertSameFiles(root, "category", "catalog", List.of("009-categories"), CATEGORY_EXTENSIONS);
    }

    @Test
    void everyHandWrittenOwnedTableJoinsOwnedTableAsTheGeneratedOnesDo() throws IOException {
        String ownershipTest = Files.readString(REPOSITORY.resolve(OWNERSHIP_TEST));
        List<String> ownedTables = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher table = Pattern.compile("@Table\\(name = \"(\\w+)\"\\)\\s+public class \\w+ extends OwnedEntity")
                        .matcher(Files.readString(source));
                if (table.find()) {
                    ownedTables.add(table.group(1));
                }
            }
        }
        assertTrue(ownedTables.containsAll(List.of("workouts", "questionnaires")), "owned tables found: " + ownedTables);
        for (String table : ownedTables) {
            assertTrue(ownershipTest.contains("\"/api/v1/" + table.replace('_', '-') + "\""),
                    "the owned table " + table + " is missing from OwnershipTest.OwnedTable");
        }
    }

    @Test
    void whatItWritesForEveryFieldTypeCompilesAgainstTheKernelAndTheTestSupport(@TempDir Path root) throws Exception {
        Path repository = repositoryBefore(Integer.MAX_VALUE, root);
        generate(repository, "runs", "owned", "name:string:1..100", "notes:text?", "distance_km:decimal:>=0",
                "laps:int?:<=500", "done_at:datetime", "rested_since:datetime?", "effort:enum?:easy,steady,hard");
        generate(repository, "gyms", "catalog", "name:string:1..100", "capacity:int?:1..5000", "opens_early:bool",
                "open_late:bool?", "rating:decimal?:0.5..5", "kind:enum:indoor,outdoor");
        String ownershipTest = Files.readString(repository.resolve(OWNERSHIP_TEST));
        assertTrue(ownershipTest.contains("RUNS(\"/api/v1/runs\""), "the owned table joins OwnedTable");
        assertTrue(!ownershipTest.contains("GYMS("), "a catalog table does not join OwnedTable");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(repository.resolve("src"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertEquals(15, sources.size(), "2 x 5 main files, 2 enums, 2 tests, OwnershipTest and nothing else: " + sources);
        compile(Files.createDirectory(root.resolve("classes")), sources,
                List.of("-classpath", System.getProperty("java.class.path")));
    }

    // ---------------------------------------------------------------- the generator, run in a copy

    /** The parts of the repository the generator reads, with the changesets numbered below {@code change}. */
    private static Path repositoryBefore(int change, Path root) throws IOException {
        copy(REPOSITORY.resolve("scripts/add-table"), root.resolve("scripts/add-table"));
        Path changes = Files.createDirectories(root.resolve("src/main/resources/db/changes"));
        Files.copy(CHANGES.resolveSibling("changelog.xml"), changes.resolveSibling("changelog.xml"));
        try (Stream<Path> files = Files.list(CHANGES)) {
            for (Path file : files.toList()) {
                if (Integer.parseInt(file.getFileName().toString().substring(0, 3)) < change) {
                    Files.copy(file, changes.resolve(file.getFileName()));
                }
            }
        }
        Files.createDirectories(root.resolve(OWNERSHIP_TEST).getParent());
        Files.copy(REPOSITORY.resolve(OWNERSHIP_TEST), root.resolve(OWNERSHIP_TEST));
        return root;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void generate(Path root, String... table) throws Exception {
        List<String> args = new ArrayList<>(List.of("--root", root.toString()));
        args.addAll(List.of(table));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = (int) run.invoke(null, args.toArray(String[]::new), new PrintStream(out), new PrintStream(out));
        assertEquals(0, status, "java scripts/AddTable.java " + String.join(" ", table) + " said:\n" + out);
    }

    private static void compile(Path classes, List<Path> sources, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", classes.toString()));
        arguments.addAll(options);
        sources.forEach(source -> arguments.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, "javac:\n" + errors.toString(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- comparing

    /**
     * Each generated file of the package equals its hand-written counterpart, and the generated
     * changesets equal the hand-written ones named by {@code changeSets}, in order (the table's own,
     * then the changes made to it since, such as a later index); an owned table's package holds
     * nothing else (a catalog package may hold other tables too).
     */
    private static void assertSameFiles(Path root, String generatedPackage, String handWrittenPackage,
                                        List<String> changeSets, List<ExtensionPoint> extensions) throws IOException {
        Path generated = root.resolve("src/main/java/com/chosen/api").resolve(generatedPackage);
        Path handWritten = MAIN.resolve(handWrittenPackage);
        Set<String> generatedFiles = fileNames(generated);
        if (generatedPackage.equals(handWrittenPackage)) {
            assertEquals(fileNames(handWritten), generatedFiles, "the files of package " + handWrittenPackage);
        }
        Set<String> used = new TreeSet<>();
        for (String file : generatedFiles) {
            Path handWrittenFile = handWritten.resolve(file);
            assertTrue(Files.exists(handWrittenFile), "the generator writes " + file + ", which the hand-written table lacks");
            assertSame(file, normalised(Files.readString(generated.resolve(file))),
                    normalised(Files.readString(handWrittenFile)), extensions, used);
        }
        List<String> generatedChangeSets;
        try (Stream<Path> files = Files.list(root.resolve("src/main/resources/db/changes"))) {
            // the generator numbers its changeset after the last one
            generatedChangeSets = changeSets(Files.readString(files.max(Path::compareTo).orElseThrow()));
        }
        assertEquals(changeSets.size(), generatedChangeSets.size(), "changesets written: " + generatedChangeSets);
        Map<String, String> handWrittenChangeSets = handWrittenChangeSets();
        for (int i = 0; i < changeSets.size(); i++) {
            String id = changeSets.get(i);
            assertTrue(handWrittenChangeSets.containsKey(id), "no changeset " + id + " under " + CHANGES);
            assertSame(id, generatedChangeSets.get(i), handWrittenChangeSets.get(id), extensions, used);
        }
        assertEquals(extensions.stream().map(ExtensionPoint::rule).collect(Collectors.toCollection(TreeSet::new)), used,
                "every extension point names a place in the files");
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every hand-written changeset by id, normalised. */
    private static Map<String, String> handWrittenChangeSets() throws IOException {
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(CHANGES)) {
            for (Path file : files.toList()) {
                String xml = Files.readString(file);
                Matcher changeSet = CHANGE_SET.matcher(xml);
                List<String> normalised = changeSets(xml);
                for (int i = 0; changeSet.find(); i++) {
                    byId.put(changeSet.group(1), normalised.get(i));
                }
            }
        }
        return byId;
    }

    /** The changesets of a changelog file, without comments and whitespace, and without their ids. */
    private static List<String> changeSets(String xml) {
        return CHANGE_SET.matcher(xml.replaceAll("(?s)<!--.*?-->", " ")).results()
                .map(changeSet -> squeezed(changeSet.group().replaceFirst("id=\"[^\"]*\"", "id=\"\"")))
                .toList();
    }

    /** {@code generated} and {@code handWritten}, normalised, are the same but for the extension points of {@code name}. */
    private static void assertSame(String name, String generated, String handWritten, List<ExtensionPoint> extensions,
                                   Set<String> used) {
        for (ExtensionPoint extension : extensions) {
            if (extension.file().equals(name)) {
                generated = cut(generated, extension, "generated");
                handWritten = cut(handWritten, extension, "hand-written");
                used.add(extension.rule());
            }
        }
        List<String> want = lines(generated);
        List<String> got = lines(handWritten);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String generatedLine = i < want.size() ? want.get(i) : "(end of file)";
            String handWrittenLine = i < got.size() ? got.get(i) : "(end of file)";
            if (!generatedLine.equals(handWrittenLine)) {
                fail(name + " differs from what scripts/AddTable.java writes for the same table (comments, whitespace, "
                        + "imports and documentation text aside). Change the template in scripts/add-table/ with the "
                        + "hand-written file, or, for a rule of this table only, add an extension point to AddTableTest.\n"
                        + "  generated:    " + generatedLine + "\n  hand-written: " + handWrittenLine + "\n  after:        "
                        + want.subList(Math.max(0, i - 3), i).stream().collect(Collectors.joining("\n                ")));
            }
        }
    }

    private static String cut(String text, ExtensionPoint extension, String side) {
        String after = squeezed(extension.after());
        int start = text.indexOf(after);
        if (start < 0) {
            fail("extension point '" + extension.rule() + "': the " + side + " " + extension.file() + " no longer has "
                    + extension.after() + "; update AddTableTest");
        }
        start += after.length();
        int end = extension.before() == null ? text.lastIndexOf('}') : text.indexOf(squeezed(extension.before()), start);
        if (end < start) {
            fail("extension point '" + extension.rule() + "': the " + side + " " + extension.file() + " has nothing "
                    + "ending with " + extension.before() + " after " + extension.after() + "; update AddTableTest");
        }
        return text.substring(0, start) + "<extension: " + extension.rule() + ">" + text.substring(end);
    }

    /**
     * Java code without what is free to differ: comments, package and imports (javac checks those),
     * the documentation attributes {@code summary}, {@code description} and {@code example}, and
     * whitespace, as one line.
     */
    private static String normalised(String source) {
        String literal = "\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*";
        String documentation = "\\b(?:summary|description|example)\\s*=\\s*" + literal;
        return squeezed(withoutJavaComments(source)
                .replaceAll("(?m)^\\s*(?:package|import)\\s[^;]*;", " ")
                .replaceAll(",\\s*" + documentation, "")
                .replaceAll(documentation + "\\s*,?", "")
                .replaceAll("@\\w+\\(\\s*\\)", ""));
    }

    /** Whitespace only where it separates two words. */
    private static String squeezed(String code) {
        return code.replaceAll("\\s+", " ").replaceAll(" ?([^\\w\\s]) ?", "$1").trim();
    }

    /** One statement, brace or XML tag a line, so that a difference can be shown where it is. */
    private static List<String> lines(String squeezed) {
        return List.of(squeezed.replaceAll(squeezed.startsWith("<") ? "(>)" : "([;{}])", "$1\n").split("\n"));
    }

    private static String withoutJavaComments(String source) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                code.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = (end < 0 ? source.length() : end) - 1;
                code.append(' ');
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i) + 1;
                code.append(' ');
            } else {
                code.append(c);
            }
        }
        return code.toString();
    }
}
