package org.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs Parley's benchmarks against its production jar on MariaDB and writes {@code bench/results/}. Started by
 * {@code bench/run}; arguments name benchmarks to run (all by default): latency, fanout, history, transfer, search,
 * users, cluster, crash. With fanout, ejabberd's fan-out on this machine is measured afterwards for comparison
 * ({@link XmppPeer}), once Parley's server has stopped.
 */
public final class BenchMain {

    interface Benchmark {
        void run(BenchContext context) throws Exception;
    }

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        benchmarks.put("latency", DeliveryBench::latency);
        benchmarks.put("fanout", FanOutBench::run);
        benchmarks.put("history", HistoryBench::run);
        benchmarks.put("transfer", TransferBench::run);
        benchmarks.put("search", SearchBench::run);
        benchmarks.put("users", ConnectedUsersBench::run);
        benchmarks.put("cluster", ClusterBench::run);
        benchmarks.put("crash", CrashDrill::run);
        Set<String> chosen = args.length == 0 ? benchmarks.keySet() : new TreeSet<>(Arrays.asList(args));
        for (String name : chosen) {
            if (!benchmarks.containsKey(name)) {
                throw new IllegalArgumentException("Unknown benchmark " + name + "; known: " + benchmarks.keySet());
            }
        }
        Path jar = Path.of(System.getProperty("bench.jar"));
        Path resultsDirectory = resultsDirectory();
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.work", "target/bench")));
        Results results = new Results();
        describeMachine(results);
        BenchDatabase.recreate();
        List<String> failed = new ArrayList<>();
        try (BenchServer server =
                        new BenchServer(jar, Integer.getInteger("bench.port", 18080), BenchDatabase.url(), work);
                BenchContext context = new BenchContext(server, results, work)) {
            long startup = server.start();
            results.machine.put("database", BenchDatabase.version());
            results.figure("startup", "server start to first page (ms)", Long.toString(startup));
            for (Map.Entry<String, Benchmark> benchmark : benchmarks.entrySet()) {
                if (!chosen.contains(benchmark.getKey())) {
                    continue;
                }
                System.out.println("\n== " + benchmark.getKey());
                long started = System.nanoTime();
                try {
                    benchmark.getValue().run(context);
                } catch (Exception | AssertionError broken) {
                    broken.printStackTrace();
                    failed.add(benchmark.getKey() + ": " + broken);
                    results.figure(benchmark.getKey(), "FAILED", String.valueOf(broken.getMessage()));
                }
                System.out.printf(
                        "   (%s took %d s)%n", benchmark.getKey(), (System.nanoTime() - started) / 1_000_000_000);
            }
        }
        if (chosen.contains("fanout")) {
            compareWithEjabberd(results, failed);
        }
        Path written = results.writeTo(resultsDirectory);
        System.out.println("\n" + results.markdown());
        System.out.println("Written to " + written + " (and .json, latest.md)");
        if (!failed.isEmpty()) {
            System.err.println("Benchmarks that broke: " + failed);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Where a run's files go: {@code -Dbench.results}, by default bench/results. */
    static Path resultsDirectory() {
        return Path.of(System.getProperty("bench.results", "bench/results"));
    }

    /** On a quiet machine: Parley's server, database load and Chromium are gone by now. */
    private static void compareWithEjabberd(Results results, List<String> failed) {
        try {
            XmppPeer.compare(results, failed.stream().noneMatch(f -> f.startsWith("fanout:")));
        } catch (Exception | AssertionError broken) {
            broken.printStackTrace();
            failed.add("ejabberd comparison: " + broken);
            results.figure(FanOutBench.BENCHMARK, "ejabberd comparison FAILED", String.valueOf(broken.getMessage()));
        }
    }

    private static void describeMachine(Results results) throws IOException {
        results.machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
                .orElse("?");
        results.machine.put("memory", memory);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("?");
        results.machine.put("cpu", cpu);
        results.machine.put("JDK", System.getProperty("java.vm.name") + " " + Runtime.version());
        results.machine.put("server heap", BenchServer.HEAP);
        results.machine.put(
                "driver JVM",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-Xmx"))
                        .findFirst()
                        .orElse("default heap"));
    }
}
