package io.warmy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian's package) in a process of its own, on loopback, for a fixed time; its figures parsed. */
final class Wrk {

    /** What one wrk run measured. */
    record Figures(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    private Wrk() {
    }

    /**
     * Runs wrk against {@code url} with {@code connections} connections for {@code seconds}. The
     * Lua script sets the method, headers and body, and may pick the path per request.
     */
    static Figures run(Suite suite, String name, String url, int connections, int seconds, String lua) {
        try {
            Path script = Files.createTempFile(suite.work, name, ".lua");
            Files.writeString(script, lua);
            Proc wrk = Proc.command(name, List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "--timeout", "5s", "-s", script.toString(), url), Map.of(), suite.logs);
            String output = String.join("\n", wrk.finish(java.time.Duration.ofSeconds(seconds + 60L)));
            Files.writeString(suite.logs.resolve(name + ".out"), output);
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Figures parse(String output) {
        double rate = Double.parseDouble(find(RATE, output));
        long total = Long.parseLong(find(TOTAL, output));
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher m = PERCENTILE.matcher(output);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                case "us" -> 0.001;
                case "ms" -> 1;
                default -> 1000;
            };
            if (m.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        return new Figures(rate, p50, p99, total, errors);
    }

    private static String find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no '" + pattern + "':\n" + output);
        }
        return m.group(1);
    }

    /** A script that sends every request with the bearer key, to one of the paths at random. */
    static String script(String method, String key, List<String> paths, String body) {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = \"").append(method).append("\"\n");
        lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(key).append("\"\n");
        if (body != null) {
            lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            lua.append("wrk.body = '").append(body).append("'\n");
        }
        lua.append("local paths = {");
        for (int i = 0; i < paths.size(); i++) {
            lua.append(i == 0 ? "" : ", ").append('"').append(paths.get(i)).append('"');
        }
        lua.append("}\n");
        lua.append("request = function() return wrk.format(nil, paths[math.random(#paths)]) end\n");
        return lua.toString();
    }
}
