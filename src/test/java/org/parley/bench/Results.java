package org.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Everything one run measured: distributions and single figures, written as a Markdown table and as JSON. */
final class Results {

    record Distribution(String benchmark, String scenario, String unit, Stats.Summary summary) {}

    record Figure(String benchmark, String name, String value) {}

    final ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
    final Map<String, String> machine = new LinkedHashMap<>();
    private final List<Distribution> distributions = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();

    synchronized Stats.Summary add(String benchmark, String scenario, String unit, Stats stats) {
        return add(benchmark, scenario, unit, stats.summary());
    }

    /** A distribution summarised elsewhere (a peer benchmark's results). */
    synchronized Stats.Summary add(String benchmark, String scenario, String unit, Stats.Summary summary) {
        distributions.add(new Distribution(benchmark, scenario, unit, summary));
        System.out.printf(
                Locale.ROOT,
                "  %-14s %-48s n=%-6d p50=%s p95=%s p99=%s max=%s %s%n",
                benchmark,
                scenario,
                summary.count(),
                number(summary.p50()),
                number(summary.p95()),
                number(summary.p99()),
                number(summary.max()),
                unit);
        return summary;
    }

    synchronized void figure(String benchmark, String name, String value) {
        figures.add(new Figure(benchmark, name, value));
        System.out.printf(Locale.ROOT, "  %-14s %-48s %s%n", benchmark, name, value);
    }

    /** A distribution this run measured, by its benchmark and scenario. */
    synchronized Optional<Stats.Summary> summary(String benchmark, String scenario) {
        return distributions.stream()
                .filter(d -> d.benchmark().equals(benchmark) && d.scenario().equals(scenario))
                .map(Distribution::summary)
                .findFirst();
    }

    /** A figure this run measured, as a number (empty when missing or not a number). */
    synchronized OptionalDouble number(String benchmark, String name) {
        return figures.stream()
                .filter(f -> f.benchmark().equals(benchmark) && f.name().equals(name))
                .findFirst()
                .map(Figure::value)
                .filter(v -> v.matches("-?\\d+(\\.\\d+)?"))
                .map(v -> OptionalDouble.of(Double.parseDouble(v)))
                .orElse(OptionalDouble.empty());
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of ")
                .append(startedAt.format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(' ')
                .append(startedAt.format(DateTimeFormatter.ofPattern("HH:mm")))
                .append(" UTC on ")
                .append(String.join(
                        ", ",
                        machine.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList()))
                .append(".\n\n");
        md.append(
                "| Benchmark | Case | count | p50 | p95 | p99 | max | unit |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Distribution d : distributions) {
            Stats.Summary s = d.summary();
            md.append("| ")
                    .append(d.benchmark())
                    .append(" | ")
                    .append(d.scenario())
                    .append(" | ")
                    .append(s.count())
                    .append(" | ")
                    .append(number(s.p50()))
                    .append(" | ")
                    .append(number(s.p95()))
                    .append(" | ")
                    .append(number(s.p99()))
                    .append(" | ")
                    .append(number(s.max()))
                    .append(" | ")
                    .append(d.unit())
                    .append(" |\n");
        }
        md.append("\n| Benchmark | Figure | Value |\n|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.benchmark())
                    .append(" | ")
                    .append(f.name())
                    .append(" | ")
                    .append(f.value())
                    .append(" |\n");
        }
        return md.toString();
    }

    synchronized String json() {
        StringBuilder json = new StringBuilder("{\n  \"startedAt\": ")
                .append(quote(startedAt.toString()))
                .append(",\n  \"machine\": {");
        json.append(String.join(
                ", ",
                machine.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                        .toList()));
        json.append("},\n  \"distributions\": [\n");
        for (int i = 0; i < distributions.size(); i++) {
            Distribution d = distributions.get(i);
            Stats.Summary s = d.summary();
            json.append(String.format(
                    Locale.ROOT,
                    "    {\"benchmark\": %s, \"case\": %s, \"unit\": %s, \"count\": %d, \"p50\": %s, \"p95\": %s,"
                            + " \"p99\": %s, \"max\": %s}%s%n",
                    quote(d.benchmark()),
                    quote(d.scenario()),
                    quote(d.unit()),
                    s.count(),
                    jsonNumber(s.p50()),
                    jsonNumber(s.p95()),
                    jsonNumber(s.p99()),
                    jsonNumber(s.max()),
                    i < distributions.size() - 1 ? "," : ""));
        }
        json.append("  ],\n  \"figures\": [\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            json.append("    {\"benchmark\": ")
                    .append(quote(f.benchmark()))
                    .append(", \"figure\": ")
                    .append(quote(f.name()))
                    .append(", \"value\": ")
                    .append(quote(f.value()))
                    .append('}')
                    .append(i < figures.size() - 1 ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString();
    }

    /** Writes {@code <stamp>.md} and {@code <stamp>.json}, and copies the table to {@code latest.md}. */
    Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'"));
        Path markdown = directory.resolve(stamp + ".md");
        Files.writeString(markdown, "# Parley benchmarks\n\n" + markdown(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(stamp + ".json"), json(), StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve("latest.md"),
                "# Parley benchmarks (latest run)\n\n" + markdown(),
                StandardCharsets.UTF_8);
        return markdown;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
