package io.warmy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process of the suite: a server under test, a baseline server or a load generator. Its
 * standard output is read line by line (so a scenario can wait for a line), its standard error
 * goes to a file under {@code bench/target/logs}, and closing it kills it and its children.
 */
final class Proc implements AutoCloseable {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    final String name;

    private Proc(String name, List<String> command, Map<String, String> env, Path logs) {
        this.name = name;
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectError(logs.resolve(name + ".err").toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        Thread.ofPlatform().daemon().name(name + "-out").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static Proc command(String name, List<String> command, Map<String, String> env, Path logs) {
        return new Proc(name, command, env, logs);
    }

    /** A class of this suite in a JVM of its own, on the suite's class path. */
    static Proc java(String name, List<String> jvmOptions, Class<?> main, List<String> args, Path logs) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new Proc(name, command, Map.of(), logs);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for a line that matches, keeping the lines before it; fails when the process ends first. */
    String await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(name + ": no line as expected within " + timeout + "; it printed " + seen);
            }
            String line;
            try {
                line = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before printing what was"
                            + " expected; it printed " + seen + " (see bench/target/logs/" + name + ".err)");
                }
                continue;
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** The JSON of the result line a load process ends with. */
    JsonNode result(Duration timeout) {
        String line = await(l -> l.startsWith(Bench.RESULT), timeout);
        try {
            return Bench.JSON.readTree(line.substring(Bench.RESULT.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end and answers everything it printed. */
    List<String> finish(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not end within " + timeout);
            }
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        lines.drainTo(seen);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "): " + seen
                    + " (see bench/target/logs/" + name + ".err)");
        }
        return seen;
    }

    /** Resident memory in MiB, from /proc. */
    double rssMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
