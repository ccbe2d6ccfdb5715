package org.parley.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference beside Parley's fan-out: ejabberd's multi-user chat on this machine, measured by the peer
 * benchmark in {@code ../shared/peers/xmpp-bench} (its {@code run.sh} installs and starts ejabberd, runs a Smack
 * client in its own JVM and writes {@code xmpp-<date>.json}, here into Parley's results folder). It runs after Parley's server has stopped,
 * so each has a quiet machine, with the same group sizes and number of measured messages; its figures and the
 * ratios Parley / ejabberd land in the same results. Where it cannot run, the results say why.
 */
final class XmppPeer {

    private static final String BENCHMARK = FanOutBench.BENCHMARK;
    private static final String PREFIX = "   ejabberd| ";

    private XmppPeer() {}

    /** Runs the peer if it can, and adds its figures; {@code parleyMeasured}: Parley's fan-out finished. */
    static void compare(Results results, boolean parleyMeasured) throws IOException, InterruptedException {
        Path directory = directory();
        Optional<String> skip = reasonToSkip(directory, parleyMeasured);
        if (skip.isPresent()) {
            System.out.println("\n== ejabberd comparison skipped: " + skip.get());
            results.figure(BENCHMARK, "ejabberd comparison", "skipped: " + skip.get());
            return;
        }
        System.out.println("\n== ejabberd comparison (" + directory + "/run.sh)");
        long started = System.nanoTime();
        List<Integer> sizes = FanOutBench.sizes();
        Path json = run(directory, outputDirectory(), sizes, FanOutBench.messages());
        report(results, JsonMapper.builder().build().readTree(json.toFile()), json, sizes);
        System.out.printf("   (ejabberd comparison took %d s)%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /** {@code -Dbench.xmpp.dir}, else {@code BENCH_XMPP_DIR}, else the peer beside this repository. */
    static Path directory() {
        String configured = System.getProperty("bench.xmpp.dir", System.getenv("BENCH_XMPP_DIR"));
        return Path.of(configured != null ? configured : "../shared/peers/xmpp-bench")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Where run.sh writes its JSON: beside Parley's own results of this run ({@code bench.results}, by default
     * bench/results), unless {@code -Dbench.xmpp.out} says otherwise.
     */
    private static Path outputDirectory() {
        String configured = System.getProperty("bench.xmpp.out");
        return Path.of(
                        configured != null
                                ? configured
                                : BenchMain.resultsDirectory().toString())
                .toAbsolutePath();
    }

    private static Optional<String> reasonToSkip(Path directory, boolean parleyMeasured)
            throws IOException, InterruptedException {
        if ("off".equals(System.getProperty("bench.xmpp", System.getenv("BENCH_XMPP")))) {
            return Optional.of("turned off (bench.xmpp=off or BENCH_XMPP=off)");
        }
        if (!parleyMeasured) {
            return Optional.of("Parley's fan-out did not finish, so there is nothing to compare");
        }
        if (!Files.isDirectory(directory)) {
            return Optional.of("no peer benchmark at " + directory + " (set -Dbench.xmpp.dir or BENCH_XMPP_DIR)");
        }
        if (!Files.isExecutable(directory.resolve("run.sh"))) {
            return Optional.of(directory + "/run.sh is missing or not executable");
        }
        if (!"0".equals(output("id", "-u"))) {
            return Optional.of("needs root (run.sh installs and starts ejabberd with apt-get and ejabberdctl)");
        }
        return Optional.empty();
    }

    /** Runs {@code run.sh}, echoing its output; returns the JSON it wrote. */
    private static Path run(Path directory, Path out, List<Integer> sizes, int messages)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        Set<Path> before = resultFiles(out);
        List<String> command = new ArrayList<>(List.of("./run.sh"));
        sizes.forEach(size -> command.add(size.toString()));
        command.addAll(List.of("--messages", Integer.toString(messages), "--out", out.toString()));
        System.out.println("   " + String.join(" ", command));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Thread echo = Thread.ofVirtual().start(() -> {
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(line -> System.out.println(PREFIX + line));
            } catch (IOException | UncheckedIOException ended) {
                // the process is gone
            }
        });
        long limit = Long.getLong("bench.xmpp.timeout.minutes", 45);
        if (!process.waitFor(limit, TimeUnit.MINUTES)) {
            stop(process);
            throw new IllegalStateException("ejabberd's run.sh did not finish within " + limit + " minutes");
        }
        echo.join(5000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ejabberd's run.sh exited with " + process.exitValue()
                    + " (its output is above, prefixed with '" + PREFIX.trim() + "')");
        }
        return resultFiles(out).stream()
                .filter(file -> !before.contains(file))
                .max(Path::compareTo)
                .orElseThrow(() -> new IllegalStateException("ejabberd's run.sh wrote no new xmpp-*.json in " + out));
    }

    /** Lets run.sh's exit trap stop ejabberd, then ends whatever of ours is left. */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static Set<Path> resultFiles(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().matches("xmpp-.*\\.json"))
                    .collect(Collectors.toSet());
        }
    }

    private static void report(Results results, JsonNode json, Path file, List<Integer> sizes) {
        JsonNode environment = json.path("environment");
        JsonNode options = json.path("options");
        results.figure(
                BENCHMARK,
                "ejabberd comparison",
                String.format(
                        Locale.ROOT,
                        "%s; %d measured messages per size at %s/s; Smack client in its own JVM, send call → member's"
                                + " listener; fresh server per size; %s",
                        environment.path("server").asString("?"),
                        options.path("messages").asInt(),
                        options.path("rate_per_s").asString("?"),
                        file));
        for (int size : sizes) {
            JsonNode round = round(json, size);
            if (round == null) {
                results.figure(BENCHMARK, "ejabberd, " + size + " members", "MISSING from " + file.getFileName());
                continue;
            }
            String name = "ejabberd, " + size + " members: ";
            Stats.Summary untilLast = results.add(
                    BENCHMARK, name + "until the last has it", "ms", summary(round.path("fanout_complete_ms")));
            results.add(BENCHMARK, name + "each delivery", "ms", summary(round.path("per_delivery_ms")));
            double cpuMicros = round.path("server_cpu_send_phase_s").asDouble()
                    * 1e6
                    / Math.max(1, round.path("deliveries").asLong());
            results.figure(BENCHMARK, name + "server CPU per delivery (µs)", format(cpuMicros));
            double memoryKib = round.path("server_erlang_live_bytes")
                    .path("per_member_kib")
                    .asDouble(Double.NaN);
            results.figure(
                    BENCHMARK, name + "live memory per connected member (KiB, Erlang after GC)", format(memoryKib));
            if (round.path("missing").asLong() > 0) {
                results.figure(
                        BENCHMARK,
                        name + "deliveries MISSING",
                        Long.toString(round.path("missing").asLong()));
            }
            ratios(results, size, untilLast, cpuMicros, memoryKib);
        }
    }

    /** Parley's figure divided by ejabberd's, per size (Parley's side measured earlier in the same run). */
    private static void ratios(Results results, int size, Stats.Summary ejabberd, double cpuMicros, double memoryKib) {
        results.summary(BENCHMARK, FanOutBench.untilLast(size))
                .ifPresent(parley -> results.figure(
                        BENCHMARK,
                        size + " members: Parley / ejabberd, until the last has it (p50 ratio, p99 ratio)",
                        times(parley.p50() / ejabberd.p50()) + ", " + times(parley.p99() / ejabberd.p99())));
        OptionalDouble cpu = results.number(BENCHMARK, FanOutBench.serverCpu(size));
        OptionalDouble heap = results.number(BENCHMARK, FanOutBench.heapPerMember(size));
        if (cpu.isPresent() && heap.isPresent()) {
            results.figure(
                    BENCHMARK,
                    size + " members: Parley / ejabberd, server CPU per delivery; memory per"
                            + " connected member (JVM heap vs Erlang, after GC)",
                    times(cpu.getAsDouble() / cpuMicros) + "; " + times(heap.getAsDouble() / memoryKib));
        }
    }

    private static JsonNode round(JsonNode json, int size) {
        for (JsonNode round : json.path("rounds")) {
            if (round.path("n").asInt() == size) {
                return round;
            }
        }
        return null;
    }

    private static Stats.Summary summary(JsonNode stats) {
        return new Stats.Summary(
                stats.path("count").asInt(),
                number(stats, "p50"),
                number(stats, "p95"),
                number(stats, "p99"),
                number(stats, "max"));
    }

    private static double number(JsonNode stats, String name) {
        JsonNode value = stats.path(name);
        return value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio)
                ? "–"
                : String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return text;
    }
}
