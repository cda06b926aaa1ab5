package com.chosen.api.packaged;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chosen.api.migration.ScratchDatabase;
import com.chosen.api.support.PostgresResource;

/**
 * Cold-start benchmark of packaged forms of the service (run by {@code bench/cold-start.sh}).
 * For each form, each run: start the process, poll {@code GET /api/v1/workouts} (a bearer token is
 * verified and PostgreSQL queried) until it answers 200, and take the time since the process was
 * started; then send 1,000 more such requests, one after another, and read the process' RSS.
 * Prints the medians as a Markdown table. Loopback traffic only; every loop is bounded.
 *
 * <p>Arguments: {@code runs label command [label command ...]}, a command being space-separated. A
 * command that starts with {@value #FRESH_DATABASE} runs on a new, empty database each run (every
 * changeset to apply at start) instead of the prepared one.
 */
public final class ColdStartBench {

    private static final int REQUESTS = 1_000;
    private static final String FRESH_DATABASE = "--fresh-database";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private record Run(double firstOkMillis, long rssKiB) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            forms.put(args[i], List.of(args[i + 1].trim().split("\\s+")));
        }
        Path logs = Files.createDirectories(Path.of("target", "bench", "logs"));
        PostgresResource database = new PostgresResource();
        Map<String, String> settings = database.start();
        try {
            List<String> first = forms.values().iterator().next();
            String token = prepareAccount(first, settings, logs.resolve("setup.log"));
            Map<String, List<Run>> results = new LinkedHashMap<>();
            // round after round, each form once per round: a machine whose load drifts weighs on every form alike
            forms.keySet().forEach(form -> results.put(form, new ArrayList<>()));
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, List<String>> form : forms.entrySet()) {
                    Path log = logs.resolve(form.getKey().replaceAll("[^A-Za-z0-9]+", "-") + "-" + run + ".log");
                    Run result = measureOn(form.getValue(), settings, token, log);
                    System.out.printf("%-40s run %d: first 200 after %7.1f ms, RSS %6.1f MiB%n", form.getKey(), run,
                            result.firstOkMillis(), result.rssKiB() / 1024.0);
                    results.get(form.getKey()).add(result);
                }
            }
            printTable(results, runs);
        } finally {
            database.stop();
        }
    }

    /** Registers the account whose token every run uses, and gives it a few workouts to list. */
    private static String prepareAccount(List<String> command, Map<String, String> settings, Path log) throws Exception {
        int port = PackagedApp.freePort();
        try (PackagedApp app = PackagedApp.start(command, PackagedApp.environment(settings, port), port, log)) {
            app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), START_TIMEOUT);
            String credentials = "{\"email\":\"bench@example.com\",\"password\":\"correct horse battery staple\"}";
            expect(201, app.send(json(app, "/api/v1/auth/register", credentials, null)));
            HttpResponse<String> login = expect(200, app.send(json(app, "/api/v1/auth/login", credentials, null)));
            Matcher token = TOKEN.matcher(login.body());
            if (!token.find()) {
                throw new IllegalStateException("No token in " + login.body());
            }
            for (int i = 1; i <= 5; i++) {
                expect(201, app.send(json(app, "/api/v1/workouts",
                        "{\"name\":\"Run " + i + "\",\"workout_date\":\"2026-11-2" + i + "T07:30:00Z\"}", token.group(1))));
            }
            app.terminate(Duration.ofSeconds(30));
            return token.group(1);
        }
    }

    private static Run measureOn(List<String> command, Map<String, String> settings, String token, Path log)
            throws Exception {
        if (!command.get(0).equals(FRESH_DATABASE)) {
            return measure(command, settings, token, log);
        }
        // the token is still valid there (same keys); its user has no workouts yet, which lists as a 200
        try (ScratchDatabase empty = ScratchDatabase.create("bench_fresh")) {
            return measure(command.subList(1, command.size()), empty.settings(), token, log);
        }
    }

    private static Run measure(List<String> command, Map<String, String> settings, String token, Path log)
            throws Exception {
        int port = PackagedApp.freePort();
        Map<String, String> env = PackagedApp.environment(settings, port);
        long started = System.nanoTime();
        try (PackagedApp app = PackagedApp.start(command, env, port, log)) {
            HttpRequest.Builder list = HttpRequest.newBuilder(app.uri("/api/v1/workouts"))
                    .header("Authorization", "Bearer " + token);
            app.awaitOk(list, START_TIMEOUT);
            double firstOkMillis = (System.nanoTime() - started) / 1e6;
            for (int i = 0; i < REQUESTS; i++) {
                expect(200, app.send(list));
            }
            long rss = app.residentKiB();
            app.terminate(Duration.ofSeconds(30));
            return new Run(firstOkMillis, rss);
        }
    }

    private static HttpRequest.Builder json(PackagedApp app, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static void printTable(Map<String, List<Run>> results, int runs) {
        System.out.printf("%n| form | first 200 (ms, median of %d) | min-max (ms) | RSS after %,d requests (MiB, median) |%n",
                runs, REQUESTS);
        System.out.println("|---|---:|---:|---:|");
        results.forEach((form, measured) -> {
            double[] times = measured.stream().mapToDouble(Run::firstOkMillis).sorted().toArray();
            double[] rss = measured.stream().mapToDouble(run -> run.rssKiB() / 1024.0).sorted().toArray();
            System.out.printf("| %s | %.0f | %.0f-%.0f | %.0f |%n", form, median(times), times[0],
                    times[times.length - 1], median(rss));
        });
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
