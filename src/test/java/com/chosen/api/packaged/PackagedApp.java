package com.chosen.api.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.chosen.api.support.EnvironmentVariables;
import com.chosen.api.support.PostgresResource;

/**
 * The packaged application (fast jar, AOT jar or native executable, whichever the last build made)
 * started as an operator would: its own process, the {@code prod} profile, and nothing but the
 * contract's environment variables. Used where a test or the cold-start bench needs the process
 * itself (signals, start time, RSS), which {@code @QuarkusIntegrationTest} keeps to itself.
 */
final class PackagedApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private PackagedApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The command that runs the artifact described by {@code target/quarkus-artifact.properties}, with
     * {@code runtimeOptions} (e.g. {@code -Xmx128m}) for the JVM or the native executable.
     */
    static List<String> command(Path target, String javaHome, String... runtimeOptions) {
        Path path = artifact(target);
        if (isNative(target)) {
            List<String> nativeCommand = new ArrayList<>(List.of(path.toString()));
            nativeCommand.addAll(List.of(runtimeOptions));
            return nativeCommand;
        }
        List<String> java = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString()));
        java.addAll(List.of(runtimeOptions));
        Path aotCache = path.resolveSibling("app.aot");
        if (Files.exists(aotCache)) {
            java.add("-XX:AOTCache=" + aotCache);
        }
        java.addAll(List.of("-jar", path.toString()));
        return java;
    }

    /** Whether the last build made a native executable rather than a jar. */
    static boolean isNative(Path target) {
        return "native".equals(artifactProperties(target).getProperty("type"));
    }

    private static Path artifact(Path target) {
        return target.resolve(artifactProperties(target).getProperty("path")).toAbsolutePath();
    }

    private static Properties artifactProperties(Path target) {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No packaged artifact in " + target + "; run ./mvnw package first", e);
        }
        return artifact;
    }

    /**
     * The contract's environment variables for a database and key pair given as configuration
     * properties (what {@code PostgresResource} answers), e.g. QUARKUS_DATASOURCE_REACTIVE_URL, and the
     * suite's per-address limit ({@link PostgresResource#ONE_CLIENT_ADDRESS_FOR_THE_SUITE}).
     */
    static Map<String, String> environment(Map<String, String> properties, int port) {
        Map<String, String> all = new HashMap<>(PostgresResource.ONE_CLIENT_ADDRESS_FOR_THE_SUITE);
        all.putAll(properties);
        Map<String, String> env = EnvironmentVariables.of(all);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return env;
    }

    /** Starts the command with exactly this environment (plus PATH), its output going to {@code log}. */
    static PackagedApp start(List<String> command, Map<String, String> env, int port, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        try {
            return new PackagedApp(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The packaged artifact started beside the suite's instance, on its database and keys plus
     * {@code settings} (configuration properties, given as the environment variables they map to),
     * once its readiness probe answers 200; its output goes to {@code target/NAME.log}.
     */
    static PackagedApp startReady(Map<String, String> settings, String name) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(PostgresResource.settings());
        all.putAll(settings);
        int port = freePort();
        PackagedApp app = start(command(Path.of("target"), System.getProperty("java.home")), environment(all, port), port,
                Path.of("target", name + ".log"));
        try {
            app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), Duration.ofSeconds(60));
            return app;
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code request} every millisecond until it answers 200; the elapsed time counts from the call. */
    void awaitOk(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue());
            }
            try {
                if (send(request).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notListeningYet) {
                // the HTTP server is not up yet
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("No 200 within " + timeout);
    }

    /** Resident set size of the process, from /proc (Linux). */
    long residentKiB() throws IOException {
        return statusKiB("VmRSS:");
    }

    /** The most the process has held resident since it started, from /proc (Linux). */
    long peakResidentKiB() throws IOException {
        return statusKiB("VmHWM:");
    }

    private long statusKiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No " + field + " for process " + process.pid());
    }

    /** Sends SIGTERM and waits for the exit; answers the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("Did not exit within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
