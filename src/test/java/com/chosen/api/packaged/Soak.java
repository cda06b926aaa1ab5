package com.chosen.api.packaged;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chosen.api.support.PostgresResource;

/**
 * Soak test of the packaged service (run by {@code bench/soak.sh}): users register, log in, create,
 * update with If-Match, delete and list workouts for the given minutes while PostgreSQL is stopped
 * and started twice. It then checks what a client may rely on: every write that was acknowledged
 * (201, 200, 204) is in the database as acknowledged (a row written and not deleted since has the
 * name, duration and version of its last acknowledged write; a deleted row is gone; a registered
 * account exists); no row or account exists that no answer acknowledged (a duplicate); no answer was
 * a 5xx other than 503 and 504; the service is ready. A registration and a create are sent with an
 * Idempotency-Key and sent again with it after a 503, a 504, a 409 in flight or no answer, until
 * their 201; an update or delete answered 503 or 504 is followed by a read of the row before it is
 * written once more.
 *
 * <p>Arguments: {@code minutes users outageSeconds}.
 */
public final class Soak {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";
    // answers after which a request sent with an Idempotency-Key is sent again with it
    private static final Set<Integer> RETRIED = Set.of(409, 503, 504);

    /** A workout as its last acknowledged write left it; {@code deleted} once a delete was acknowledged. */
    private record Expected(String name, int durationMinutes, long version, boolean deleted) {
    }

    private final PackagedApp app;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<Long, Expected> workouts = new ConcurrentHashMap<>();
    private final List<String> registered = new ArrayList<>();
    private final AtomicLong unexpected = new AtomicLong();
    private final LongAdder retries = new LongAdder();

    private Soak(PackagedApp app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(Long.parseLong(args[0]));
        int users = Integer.parseInt(args[1]);
        Duration outage = Duration.ofSeconds(Long.parseLong(args[2]));
        Path logs = Files.createDirectories(Path.of("target", "bench", "logs"));
        PostgresResource database = new PostgresResource();
        Map<String, String> settings = database.start();
        int port = PackagedApp.freePort();
        boolean passed;
        try (PackagedApp app = PackagedApp.start(PackagedApp.command(Path.of("target"), System.getProperty("java.home")),
                PackagedApp.environment(settings, port), port, logs.resolve("soak.log"))) {
            app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), Duration.ofSeconds(60));
            passed = new Soak(app).run(length, users, outage);
        } finally {
            database.stop();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(Duration length, int users, Duration outage) throws Exception {
        Instant start = Instant.now();
        Instant end = start.plus(length);
        ExecutorService load = Executors.newFixedThreadPool(users);
        for (int user = 0; user < users; user++) {
            int number = user;
            load.submit(() -> user(number, end));
        }
        // two outages, at a third and at two thirds of the run
        List<String> outages = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            sleepUntil(start.plus(length.multipliedBy(n).dividedBy(3)));
            Instant stopped = Instant.now();
            PostgresResource.stopServer();
            Thread.sleep(outage.toMillis());
            PostgresResource.startServer();
            outages.add(String.format("%ds after %ds", outage.toSeconds(), Duration.between(start, stopped).toSeconds()));
        }
        load.shutdown();
        load.awaitTermination(length.toMinutes() + 5, TimeUnit.MINUTES);
        app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), Duration.ofSeconds(60));
        List<String> lost = verify(PostgresResource.jdbcUrl());
        List<String> duplicates = unacknowledged(PostgresResource.jdbcUrl());

        long total = answers.values().stream().mapToLong(LongAdder::sum).sum();
        long serverErrors = answers.entrySet().stream()
                .filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("503") && !e.getKey().equals("504"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("soak: %d min, %d users, PostgreSQL stopped %s%n", length.toMinutes(), users, outages);
        System.out.printf("requests: %d (%.0f/s); answers: %s%n", total, total / (double) length.toSeconds(), counts());
        System.out.printf("acknowledged writes checked: %d workouts (%d deleted), %d accounts; lost or wrong: %d%n",
                workouts.size(), workouts.values().stream().filter(Expected::deleted).count(), registered.size(), lost.size());
        lost.stream().limit(20).forEach(line -> System.out.println("  " + line));
        System.out.printf("registrations and creates sent again with their Idempotency-Key: %d; duplicates: %d%n",
                retries.sum(), duplicates.size());
        duplicates.stream().limit(20).forEach(line -> System.out.println("  " + line));
        System.out.printf("5xx other than 503 and 504: %d; failed calls: %d; ready at the end: yes%n", serverErrors,
                unexpected.get());
        boolean passed = lost.isEmpty() && duplicates.isEmpty() && serverErrors == 0 && unexpected.get() == 0;
        System.out.println(passed ? "PASSED" : "FAILED");
        return passed;
    }

    /** A user's credentials and current access token. */
    private final class Session {
        final String email;
        String token;

        Session(String email) {
            this.email = email;
        }

        /** A token, logging in again when there is none (or it was refused). */
        String token() {
            while (token == null) {
                token = call("POST", "/api/v1/auth/login", (String) null, Map.of(),
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                        .filter(r -> r.statusCode() == 200).map(r -> match(TOKEN, r.body())).orElse(null);
            }
            return token;
        }
    }

    /** One user's loop: register and log in, then create, read, update with If-Match, list and delete. */
    private void user(int number, Instant end) {
        try {
            String email = "soak-" + number + "-" + System.nanoTime() + "@example.com";
            while (once(null, "/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                    .isEmpty()) {
                pause();
            }
            synchronized (registered) {
                registered.add(email);
            }
            Session token = new Session(email);
            List<Long> mine = new ArrayList<>();
            while (Instant.now().isBefore(end)) {
                if (ThreadLocalRandom.current().nextInt(50) == 0) {
                    token.token = null;   // a login now and then, as clients do
                }
                int action = ThreadLocalRandom.current().nextInt(10);
                if (action < 3 || mine.isEmpty()) {
                    create(token).ifPresent(mine::add);
                } else if (action < 7) {
                    update(token, mine.get(ThreadLocalRandom.current().nextInt(mine.size())));
                } else if (action < 9) {
                    call("GET", "/api/v1/workouts?limit=20", token, Map.of(), null);
                } else {
                    Long id = mine.remove(ThreadLocalRandom.current().nextInt(mine.size()));
                    if (!delete(token, id)) {
                        mine.add(id);
                    }
                }
            }
        } catch (RuntimeException e) {
            unexpected.incrementAndGet();
            e.printStackTrace();
        }
    }

    private Optional<Long> create(Session token) {
        String name = "Soak " + System.nanoTime();
        return once(token, "/api/v1/workouts",
                "{\"name\":\"" + name + "\",\"duration_minutes\":30,\"workout_date\":\"2026-11-01T10:00:00Z\"}")
                .map(r -> {
                    long id = Long.parseLong(match(ID, r.body()));
                    workouts.put(id, new Expected(name, 30, version(r), false));
                    return id;
                });
    }

    /**
     * A POST that creates a row, as a client on a bad network sends it: with one Idempotency-Key, sent
     * again with it until an answer says how it went. The 201 (the first answer, however many times the
     * request was sent), or empty after any other answer.
     */
    private Optional<HttpResponse<String>> once(Session token, String path, String json) {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        while (true) {
            Optional<HttpResponse<String>> answer = call("POST", path, token, key, json);
            if (answer.isPresent() && !RETRIED.contains(answer.get().statusCode())) {
                return answer.filter(r -> r.statusCode() == 201);
            }
            retries.increment();
            pause();
        }
    }

    /** An update with the If-Match of the last acknowledged version; after a 503 or a 412, the row is read again. */
    private void update(Session token, long id) {
        Expected known = workouts.get(id);
        int duration = ThreadLocalRandom.current().nextInt(1, 1441);
        String name = "Soak " + System.nanoTime();
        Optional<HttpResponse<String>> answer = call("PUT", "/api/v1/workouts/" + id, token, ifMatch(known.version()),
                "{\"name\":\"" + name + "\",\"duration_minutes\":" + duration + "}");
        if (answer.isPresent() && answer.get().statusCode() == 200) {
            workouts.put(id, new Expected(name, duration, version(answer.get()), false));
        } else {
            reread(token, id);
        }
    }

    private boolean delete(Session token, long id) {
        Optional<HttpResponse<String>> answer = call("DELETE", "/api/v1/workouts/" + id, token,
                ifMatch(workouts.get(id).version()), null);
        if (answer.isPresent() && answer.get().statusCode() == 204) {
            workouts.computeIfPresent(id, (key, last) -> new Expected(last.name(), last.durationMinutes(), last.version(), true));
            return true;
        }
        reread(token, id);
        return workouts.get(id).deleted();
    }

    /** What a careful client does after a write it is unsure of: read the row until an answer says how it is. */
    private void reread(Session token, long id) {
        while (true) {
            Optional<HttpResponse<String>> answer = call("GET", "/api/v1/workouts/" + id, token, Map.of(), null);
            if (answer.isPresent() && answer.get().statusCode() == 200) {
                String body = answer.get().body();
                workouts.put(id, new Expected(field(body, "name"), Integer.parseInt(field(body, "duration_minutes")),
                        version(answer.get()), false));
                return;
            }
            if (answer.isPresent() && answer.get().statusCode() == 404) {
                workouts.computeIfPresent(id, (key, last) -> new Expected(last.name(), last.durationMinutes(), last.version(), true));
                return;
            }
            pause();
        }
    }

    private Optional<HttpResponse<String>> call(String method, String path, Session session, Map<String, String> headers,
                                                String json) {
        Optional<HttpResponse<String>> answer = call(method, path, session == null ? null : session.token(), headers, json);
        if (session != null && answer.isPresent() && answer.get().statusCode() == 401) {
            session.token = null;   // expired or revoked: log in again and repeat
            return call(method, path, session, headers, json);
        }
        return answer;
    }

    private Optional<HttpResponse<String>> call(String method, String path, String token, Map<String, String> headers,
                                                String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = app.send(request);
            answers.computeIfAbsent(Integer.toString(response.statusCode()), status -> new LongAdder()).increment();
            if (response.statusCode() == 503) {
                pause();
            }
            return Optional.of(response);
        } catch (Exception e) {
            answers.computeIfAbsent("no answer (" + e.getClass().getSimpleName() + ")", status -> new LongAdder()).increment();
            unexpected.incrementAndGet();
            return Optional.empty();
        }
    }

    /** Every acknowledged write, compared with the database; answers what differs. */
    private List<String> verify(String jdbcUrl) throws Exception {
        List<String> lost = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement workout = db.prepareStatement("select name, duration_minutes, version from workouts where id = ?");
             PreparedStatement account = db.prepareStatement("select count(*) from users where email = ?")) {
            for (Map.Entry<Long, Expected> entry : workouts.entrySet()) {
                workout.setLong(1, entry.getKey());
                try (ResultSet row = workout.executeQuery()) {
                    Expected expected = entry.getValue();
                    boolean present = row.next();
                    if (expected.deleted() && present) {
                        lost.add("workout " + entry.getKey() + " was deleted (204) but is still there");
                    } else if (!expected.deleted() && !present) {
                        lost.add("workout " + entry.getKey() + " is missing; expected " + expected);
                    } else if (present && (!row.getString(1).equals(expected.name())
                            || row.getInt(2) != expected.durationMinutes() || row.getLong(3) != expected.version())) {
                        lost.add("workout " + entry.getKey() + " is " + row.getString(1) + "/" + row.getInt(2) + "/v"
                                + row.getLong(3) + "; expected " + expected);
                    }
                }
            }
            for (String email : registered) {
                account.setString(1, email);
                try (ResultSet row = account.executeQuery()) {
                    row.next();
                    if (row.getInt(1) != 1) {
                        lost.add("account " + email + " was registered (201) but is missing");
                    }
                }
            }
        }
        return lost;
    }

    /** Every row and soak account in the database that no answer acknowledged: a write applied twice, or applied unseen. */
    private List<String> unacknowledged(String jdbcUrl) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement rows = db.prepareStatement("select id, name from workouts");
             ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                if (!workouts.containsKey(row.getLong(1))) {
                    found.add("workout " + row.getLong(1) + " (" + row.getString(2) + ") was never acknowledged");
                }
            }
            try (PreparedStatement accounts = db.prepareStatement("select email from users where email like 'soak-%'");
                 ResultSet account = accounts.executeQuery()) {
                while (account.next()) {
                    if (!registered.contains(account.getString(1))) {
                        found.add("account " + account.getString(1) + " was never acknowledged");
                    }
                }
            }
        }
        return found;
    }

    private String counts() {
        StringBuilder text = new StringBuilder();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(" x").append(e.getValue().sum()));
        return text.toString();
    }

    private static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private static long version(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return value.group(1);
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
