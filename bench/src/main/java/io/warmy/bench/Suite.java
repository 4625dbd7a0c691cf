package io.warmy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run}: every scenario of docs/benchmarks.md, one after another, each Warmy figure
 * beside a baseline measured in the same run on the same machine, then one table. Servers and
 * load generators run in processes of their own, on loopback, each bounded in time.
 */
public final class Suite {

    final Path root;
    final Path work;
    final Path logs;
    /** Shorter runs, for trying the suite out; the table says so. */
    final boolean quick;
    private final List<Row> rows = new ArrayList<>();

    /** One line of the table. {@code ratio} and {@code met} are null where the row has no baseline. */
    record Row(String scenario, String warmy, String baseline, Double ratio, String target, Boolean met) {
    }

    private Suite(Path root, boolean quick) throws IOException {
        this.root = root;
        this.work = Files.createDirectories(root.resolve("bench/target/work"));
        this.logs = Files.createDirectories(root.resolve("bench/target/logs"));
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path root = Path.of(System.getProperty("warmy.root", ".")).toAbsolutePath().normalize();
        Suite suite = new Suite(root, options.contains("--quick"));
        List<String> only = options.stream().filter(o -> !o.startsWith("--")).toList();
        Instant started = Instant.now();
        suite.run(only);
        String table = suite.table(Duration.between(started, Instant.now()));
        System.out.println();
        System.out.println(table);
        Files.writeString(root.resolve("bench/target/results.md"), table);
        System.out.println("(also in bench/target/results.md; logs in bench/target/logs)");
    }

    private void run(List<String> only) {
        Map<String, Runnable> scenarios = new java.util.LinkedHashMap<>();
        scenarios.put("rest", this::rest);
        scenarios.put("ingest", this::ingest);
        scenarios.put("webhooks", this::webhooks);
        scenarios.put("growth", this::growth);
        scenarios.put("startup", this::startup);
        scenarios.put("jmh", this::jmh);
        scenarios.forEach((name, scenario) -> {
            if (only.isEmpty() || only.contains(name)) {
                System.out.printf("== %s (%s)%n", name, Instant.now());
                try {
                    scenario.run();
                } catch (RuntimeException e) {
                    System.out.println("   " + name + " failed: " + e.getMessage());
                    rows.add(new Row(name, "failed: " + e.getMessage().lines().findFirst().orElse(""), "", null, "", false));
                }
            }
        });
    }

    private int seconds(int full) {
        return quick ? Math.max(3, full / 3) : full;
    }

    private void add(Row row) {
        rows.add(row);
        System.out.printf("   %s: %s | baseline %s | ratio %s%n", row.scenario(), row.warmy(), row.baseline(),
                row.ratio() == null ? "—" : fmt(row.ratio()) + "×");
    }

    // ---- REST: read, write, rate limiter ------------------------------------------------------

    private void rest() {
        int mailboxes = 64;
        int seconds = seconds(15);
        Wrk.Figures readOn;
        Wrk.Figures bare;
        Wrk.Figures readOff;
        Wrk.Figures write;
        JsonNode jdbc;
        JsonNode jdbcRead;
        try (WarmyServer warmy = WarmyServer.start(this, "rest-limits-on", true, Map.of());
             WarmyServer unlimited = WarmyServer.start(this, "rest-limits-off", true,
                     Map.of("WARMY_RATE_LIMITS_ENABLED", "false"))) {
            String key = warmy.loadKey();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < mailboxes; i++) {
                ids.add(warmy.connectMailbox(key, "sender" + i + "@bench.example"));
            }
            List<String> reads = ids.stream().map(id -> "/api/v1/mailboxes/" + id).toList();
            String readScript = Wrk.script("GET", key, reads, null);
            String offKey = unlimited.loadKey();
            List<String> offReads = new ArrayList<>();
            for (int i = 0; i < mailboxes; i++) {
                offReads.add("/api/v1/mailboxes/" + unlimited.connectMailbox(offKey, "sender" + i + "@bench.example"));
            }
            String offScript = Wrk.script("GET", offKey, offReads, null);
            String on = "http://127.0.0.1:" + warmy.httpPort;
            String off = "http://127.0.0.1:" + unlimited.httpPort;
            Wrk.run(this, "wrk-warmup-read", on, 64, seconds(6), readScript);
            Wrk.run(this, "wrk-warmup-read-off", off, 64, seconds(6), offScript);
            // Limits on and off take turns, and each keeps its best run: the two servers see the same machine.
            Wrk.Figures bestOn = null;
            Wrk.Figures bestOff = null;
            for (int round = 1; round <= (quick ? 1 : 2); round++) {
                bestOn = best(bestOn, Wrk.run(this, "wrk-read-warmy-" + round, on, 64, seconds(10), readScript));
                bestOff = best(bestOff, Wrk.run(this, "wrk-read-warmy-off-" + round, off, 64, seconds(10), offScript));
            }
            readOn = bestOn;
            readOff = bestOff;

            // The bare server answers the same bytes Warmy answers for one of the mailboxes.
            Path body = work.resolve("mailbox.json");
            write(body, Bench.call("GET", warmy.api() + "/mailboxes/" + ids.getFirst(), key, null).toString());
            try (Proc bareServer = Proc.java("bare-server", List.of(), BareServer.class, List.of(body.toString(), key), logs)) {
                int port = Integer.parseInt(bareServer.await(l -> l.startsWith("READY"), Duration.ofSeconds(30)).substring(6));
                Wrk.run(this, "wrk-warmup-bare", "http://127.0.0.1:" + port, 64, seconds(6), readScript);
                bare = Wrk.run(this, "wrk-read-bare", "http://127.0.0.1:" + port, 64, seconds, readScript);
            }

            String workspace = warmy.workspaceId();
            String url = warmy.database().orElseThrow().url;
            try (Proc load = Proc.java("jdbc-select", List.of(), JdbcLoad.class, List.of("select", url, "64",
                    Integer.toString(seconds), workspace, String.join(",", ids)), logs)) {
                jdbcRead = load.result(Duration.ofSeconds(seconds + 120L));
            }

            String writeScript = patchScript(key, ids.stream().map(id -> "/api/v1/mailboxes/" + id + "/warmup").toList());
            Wrk.run(this, "wrk-warmup-write", on, 64, seconds(6), writeScript);
            write = Wrk.run(this, "wrk-write-warmy", on, 64, seconds, writeScript);
            try (Proc load = Proc.java("jdbc-update", List.of(), JdbcLoad.class, List.of("update", url, "64",
                    Integer.toString(seconds), workspace, String.join(",", ids)), logs)) {
                jdbc = load.result(Duration.ofSeconds(seconds + 120L));
            }
        }
        add(new Row("REST read: GET /api/v1/mailboxes/:id, 64 connections (wrk, MariaDB), best of 2", http(readOn),
                "bare Helidon, same JSON from memory: " + http(bare), readOn.requestsPerSecond() / bare.requestsPerSecond(),
                "≥ 0.6×; p99 < 20 ms", readOn.requestsPerSecond() / bare.requestsPerSecond() >= 0.6 && readOn.p99Ms() < 20));
        double selectRate = jdbcRead.get("perSecond").asDouble();
        add(new Row("REST read, beside the database alone: the same GET", http(readOn),
                String.format(Locale.ROOT, "JDBC SELECT of the row, 64 threads, pool 10: %.0f/s, p99 %.1f ms", selectRate,
                        jdbcRead.get("p99Ms").asDouble()),
                readOn.requestsPerSecond() / selectRate, "— (context for the row above)", null));
        double jdbcRate = jdbc.get("perSecond").asDouble();
        add(new Row("REST write: PATCH /api/v1/mailboxes/:id/warmup, 64 connections (wrk, MariaDB)", http(write),
                String.format(Locale.ROOT, "JDBC UPDATE, 64 threads, pool 10: %.0f/s, p99 %.1f ms", jdbcRate,
                        jdbc.get("p99Ms").asDouble()),
                write.requestsPerSecond() / jdbcRate, "≥ 0.5×", write.requestsPerSecond() / jdbcRate >= 0.5));
        add(new Row("Rate limiter cost: the REST read with limits on (best of 2 runs, taking turns with limits off)",
                http(readOn), "limits off: " + http(readOff),
                readOn.requestsPerSecond() / readOff.requestsPerSecond(), "≥ 0.95×",
                readOn.requestsPerSecond() / readOff.requestsPerSecond() >= 0.95));
    }

    private static Wrk.Figures best(Wrk.Figures kept, Wrk.Figures next) {
        return kept == null || next.requestsPerSecond() > kept.requestsPerSecond() ? next : kept;
    }

    private static String patchScript(String key, List<String> paths) {
        StringBuilder lua = new StringBuilder("wrk.method = \"PATCH\"\n");
        lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(key).append("\"\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        lua.append("local paths = {");
        for (int i = 0; i < paths.size(); i++) {
            lua.append(i == 0 ? "" : ", ").append('"').append(paths.get(i)).append('"');
        }
        lua.append("}\n");
        lua.append("request = function() return wrk.format(nil, paths[math.random(#paths)], nil,"
                + " '{\"dailyTarget\":' .. math.random(20, 60) .. '}') end\n");
        return lua.toString();
    }

    private static String http(Wrk.Figures f) {
        return String.format(Locale.ROOT, "%.0f req/s, p50 %.2f ms, p99 %.2f ms%s", f.requestsPerSecond(), f.p50Ms(),
                f.p99Ms(), f.errors() == 0 ? "" : ", " + f.errors() + " errors");
    }

    // ---- gRPC ingest ---------------------------------------------------------------------------

    private void ingest() {
        int seconds = seconds(15);
        int batch = quick ? 5_000 : 20_000;
        JsonNode unary;
        JsonNode jdbcEach;
        JsonNode stream;
        JsonNode jdbcBatch;
        try (WarmyServer warmy = WarmyServer.start(this, "ingest", true, Map.of())) {
            String key = warmy.loadKey();
            String workspace = warmy.workspaceId();
            String mailbox = warmy.connectMailbox(key, "sender@bench.example");
            String url = warmy.database().orElseThrow().url;
            unary = load("grpc-unary-warmup", GrpcLoad.class, List.of("unary", warmy.grpcTarget(), workspace, mailbox,
                    "32", Integer.toString(seconds(6)), "warmup"), seconds(6));
            unary = load("grpc-unary", GrpcLoad.class, List.of("unary", warmy.grpcTarget(), workspace, mailbox, "32",
                    Integer.toString(seconds), "unary"), seconds);
            jdbcEach = load("jdbc-insert-each", JdbcLoad.class, List.of("insert-each", url, "32", Integer.toString(seconds),
                    workspace, mailbox), seconds);
            stream = load("grpc-stream", GrpcLoad.class, List.of("stream", warmy.grpcTarget(), workspace, mailbox, "1",
                    Integer.toString(batch), "stream"), 120);
            jdbcBatch = load("jdbc-insert-batch", JdbcLoad.class, List.of("insert-batch", url, "1", Integer.toString(batch),
                    workspace, mailbox), 120);
        }
        double u = unary.get("perSecond").asDouble();
        double e = jdbcEach.get("perSecond").asDouble();
        add(new Row("Ingest: ReportOpen unary, 32 concurrent callers (MariaDB)",
                String.format(Locale.ROOT, "%.0f events/s, p99 %.1f ms", u, unary.get("p99Ms").asDouble()),
                String.format(Locale.ROOT, "JDBC INSERT, one transaction each, 32 threads: %.0f rows/s", e),
                u / e, "≥ 1.5×", u / e >= 1.5));
        double s = stream.get("perSecond").asDouble();
        double b = jdbcBatch.get("perSecond").asDouble();
        add(new Row("Ingest: ReportBatch stream of " + batch + " reports (MariaDB)",
                String.format(Locale.ROOT, "%.0f events/s", s),
                String.format(Locale.ROOT, "JDBC multi-row INSERT batches of 500: %.0f rows/s", b), s / b, "≥ 0.5×", s / b >= 0.5));
    }

    // ---- webhook delivery ----------------------------------------------------------------------

    private void webhooks() {
        int total = quick ? 4_000 : 20_000;
        for (int endpoints : new int[] {1, 100}) {
            JsonNode r;
            try (WarmyServer warmy = WarmyServer.start(this, "webhooks-" + endpoints, true, Map.of())) {
                String key = warmy.loadKey();
                String workspace = warmy.workspaceId();
                String mailbox = warmy.connectMailbox(key, "sender@bench.example");
                r = load("webhook-load-" + endpoints, WebhookLoad.class, List.of(warmy.api(), key, warmy.grpcTarget(),
                        workspace, mailbox, Integer.toString(endpoints), Integer.toString(total / endpoints),
                        Integer.toString(seconds(10))), 600);
            }
            double warmyRate = r.get("perSecond").asDouble();
            double loopRate = r.get("baselinePerSecond").asDouble();
            add(new Row(String.format(Locale.ROOT, "Webhook delivery: %d deliveries (%d events × %d endpoint%s), loopback receiver",
                    total, total / endpoints, endpoints, endpoints == 1 ? "" : "s"),
                    String.format(Locale.ROOT, "%.0f deliveries/s; event to arrival p50 %.0f ms, p99 %.0f ms", warmyRate,
                            r.get("p50Ms").asDouble(), r.get("p99Ms").asDouble()),
                    String.format(Locale.ROOT, "plain HttpClient loop, same signed bodies, %d in flight: %.0f/s",
                            r.get("baselineInFlight").asInt(), loopRate),
                    warmyRate / loopRate, "≥ 0.5×", warmyRate / loopRate >= 0.5));
            if (endpoints == 1) {
                add(new Row("Webhook delivery: paced 200 events/s for " + seconds(10) + " s, 1 endpoint",
                        String.format(Locale.ROOT, "event to arrival p50 %.0f ms, p99 %.0f ms (%d delivered)",
                                r.get("pacedP50Ms").asDouble(), r.get("pacedP99Ms").asDouble(), r.get("pacedDelivered").asInt()),
                        "—", null, "p99 < 200 ms", r.get("pacedP99Ms").asDouble() < 200));
            }
        }
    }

    // ---- growth --------------------------------------------------------------------------------

    private void growth() {
        JsonNode r = load("growth", Growth.class, List.of(quick ? "100000" : "1000000"), 900);
        add(new Row("Growth: claim 50 due deliveries, " + r.get("smallPending").asLong() + " vs " + r.get("largePending").asLong()
                + " pending (MariaDB)",
                String.format(Locale.ROOT, "%.2f ms vs %.2f ms (median of %d)", r.get("claimSmallMs").asDouble(),
                        r.get("claimLargeMs").asDouble(), r.get("samples").asInt()),
                String.format(Locale.ROOT, "log n grows %.2f×", r.get("claimLogRatio").asDouble()),
                r.get("claimLargeMs").asDouble() / r.get("claimSmallMs").asDouble(),
                "≤ log n growth", r.get("claimLargeMs").asDouble() / r.get("claimSmallMs").asDouble()
                        <= r.get("claimLogRatio").asDouble()));
        add(new Row("Growth: a mailbox's 365 days of stats, among 10 vs 1,000 mailboxes × 365 days (MariaDB)",
                String.format(Locale.ROOT, "%.2f ms vs %.2f ms (median of %d)", r.get("statsSmallMs").asDouble(),
                        r.get("statsLargeMs").asDouble(), r.get("samples").asInt()),
                String.format(Locale.ROOT, "log n grows %.2f×", r.get("statsLogRatio").asDouble()),
                r.get("statsLargeMs").asDouble() / r.get("statsSmallMs").asDouble(),
                "≤ log n growth", r.get("statsLargeMs").asDouble() / r.get("statsSmallMs").asDouble()
                        <= r.get("statsLogRatio").asDouble()));
    }

    // ---- start-up and memory -------------------------------------------------------------------

    private void startup() {
        int runs = quick ? 1 : 3;
        double[] ready = new double[runs];
        double[] rss = new double[runs];
        double[] bareReady = new double[runs];
        double[] bareRss = new double[runs];
        Path body = work.resolve("startup.json");
        write(body, "{}");
        // The first start after a build writes the class-data archive (see ./warmy): shown apart.
        try {
            Files.deleteIfExists(root.resolve("app/target/warmy-serve.jsa"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double first;
        try (WarmyServer warmy = WarmyServer.start(this, "startup-first", false, Map.of())) {
            first = warmy.startToReadySeconds;
        }
        for (int i = 0; i < runs; i++) {
            try (WarmyServer warmy = WarmyServer.start(this, "startup-" + i, false, Map.of())) {
                ready[i] = warmy.startToReadySeconds;
                sleep(Duration.ofSeconds(5));
                rss[i] = warmy.process.rssMiB();
            }
            long started = System.nanoTime();
            try (Proc bare = Proc.java("startup-bare-" + i, List.of("-XX:+UseG1GC"), BareServer.class,
                    List.of(body.toString(), "k"), logs)) {
                bare.await(l -> l.startsWith("READY"), Duration.ofSeconds(30));
                bareReady[i] = (System.nanoTime() - started) / 1e9;
                sleep(Duration.ofSeconds(5));
                bareRss[i] = bare.rssMiB();
            }
        }
        double r = Bench.median(ready);
        double b = Bench.median(bareReady);
        add(new Row("Start to ready on H2 (an empty database: migrations, workspace, keys), median of " + runs,
                String.format(Locale.ROOT, "%.2f s (the first start after a build, which writes the class-data archive:"
                        + " %.2f s)", r, first), String.format(Locale.ROOT, "bare Helidon to listening: %.2f s", b),
                r / b, "≤ 2 s", r <= 2.0));
        double m = Bench.median(rss);
        add(new Row("Idle RSS after start on H2", String.format(Locale.ROOT, "%.0f MiB", m),
                String.format(Locale.ROOT, "bare Helidon: %.0f MiB", Bench.median(bareRss)), m / Bench.median(bareRss),
                "≤ 256 MiB", m <= 256));
    }

    // ---- domain hot paths (JMH) ----------------------------------------------------------------

    private void jmh() {
        Path out = work.resolve("jmh.json");
        List<String> args = new ArrayList<>(List.of("-f", "1", "-wi", quick ? "1" : "2", "-w", "1s", "-i", quick ? "2" : "3",
                "-r", "1s", "-tu", "ns", "-bm", "avgt", "-rf", "json", "-rff", out.toString(), "io.warmy.bench.HotPaths"));
        try (Proc jmh = Proc.java("jmh", List.of(), org.openjdk.jmh.Main.class, args, logs)) {
            jmh.finish(Duration.ofMinutes(5));
        }
        Map<String, Double> ns = new java.util.HashMap<>();
        try {
            for (JsonNode b : Bench.JSON.readTree(out.toFile())) {
                String name = b.get("benchmark").asText();
                ns.put(name.substring(name.lastIndexOf('.') + 1), b.get("primaryMetric").get("score").asDouble());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jmhRow("JMH: dedup key of a click, with its SHA-256", ns, "dedupKey", "rawSha256",
                "SHA-256 of the same key text");
        jmhRow("JMH: both signature headers of a 400-byte body", ns, "signatures", "rawHmacTwice",
                "two raw HMAC-SHA256 over the same bytes");
        add(new Row("JMH: health score of a 14-day window", String.format(Locale.ROOT, "%.0f ns", ns.get("healthScore")),
                "—", null, "—", null));
    }

    private void jmhRow(String scenario, Map<String, Double> ns, String warmy, String baseline, String what) {
        double w = ns.get(warmy);
        double b = ns.get(baseline);
        // Time per operation: the ratio is baseline/Warmy, so that 1× means "as fast as the baseline".
        add(new Row(scenario, String.format(Locale.ROOT, "%.0f ns", w), String.format(Locale.ROOT, "%s: %.0f ns", what, b),
                b / w, "—", null));
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private JsonNode load(String name, Class<?> main, List<String> args, int seconds) {
        try (Proc load = Proc.java(name, List.of("-XX:+UseG1GC"), main, args, logs)) {
            return load.result(Duration.ofSeconds(seconds + 180L));
        }
    }

    private String table(Duration took) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Warmy benchmarks, %s%s: %d cores, %s, Java %s; the suite took %d min %d s.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' '), quick ? " (--quick: short runs)" : "",
                Runtime.getRuntime().availableProcessors(), osName(), System.getProperty("java.version"),
                took.toMinutes(), took.toSecondsPart()));
        t.append("| scenario | Warmy | baseline in the same run | ratio | target | met |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            t.append("| ").append(r.scenario()).append(" | ").append(r.warmy()).append(" | ").append(r.baseline())
                    .append(" | ").append(r.ratio() == null ? "—" : fmt(r.ratio()) + "×").append(" | ").append(r.target())
                    .append(" | ").append(r.met() == null ? "—" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        return t.toString();
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.name");
    }

    private static String fmt(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f" : "%.2f", ratio);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
