package org.parley.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a delivery's time goes, as the server saw it. {@link BenchServer} starts Parley with
 * {@code parley.benchmark.trace=true}; {@code GET /benchmark/trace} (any signed-in session) then lists per stored
 * message when the request that sent it began (received), when it was inserted (stored) and when its after-commit
 * hook ran (committed), and per receiving tab when its user's listener was called (DELIVERED), the tab applied it
 * under its lock (APPLIED), its UIDL was handed to Atmosphere (PUSHED) and Atmosphere wrote it (WRITTEN). Matched
 * by text and receiving user with the key press the sending page noted and the arrival the light client noted
 * (all of them this machine's wall clock, epoch microseconds), each delivery's latency splits into stages.
 */
final class ServerTrace {

    /** The points a delivery passes, in order; each stage runs from one to the next. */
    private static final List<String> POINTS = List.of(
            "key press", "received", "stored", "committed", "delivered", "applied", "pushed", "written", "arrived");
    /** Points up to here belong to the message (one sample per message); later ones to each receiving tab. */
    private static final int LAST_MESSAGE_POINT = 3;

    private static final List<String> TAB_STAGES = List.of("DELIVERED", "APPLIED", "PUSHED", "WRITTEN");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message in the trace: its own times, and per receiving user the earliest time of each tab stage. */
    private record Passage(long received, long stored, long committed, Map<Long, Map<String, Long>> tabs) {}

    private ServerTrace() {}

    /** Starts the trace afresh (through {@code session}'s signed-in session). */
    /** Stops or resumes the server's recording (what is measured while it is off does not pay for it). */
    static void record(LightClient session, boolean on) throws IOException, InterruptedException {
        session.get("benchmark/trace?clear=true&enabled=" + on);
    }

    static void clear(LightClient session) throws IOException, InterruptedException {
        session.get("benchmark/trace?clear=true");
    }

    /**
     * Adds one distribution per stage ("{scenario}: stage received → stored", ms) for the deliveries of this
     * scenario, and a figure saying how many of them the trace covered. {@code userIds}: receivers' ids by
     * username. Stages up to committed count once per message, the others once per delivery.
     */
    static void breakdown(
            BenchContext context,
            String benchmark,
            String scenario,
            Deliveries deliveries,
            Map<String, Long> userIds,
            LightClient session)
            throws InterruptedException {
        Map<String, Passage> trace;
        try {
            trace = read(session.get("benchmark/trace"));
        } catch (IOException | RuntimeException unavailable) {
            context.results.figure(benchmark, scenario + ": stage trace unavailable", String.valueOf(unavailable));
            return;
        }
        Map<String, Stats> stages = new LinkedHashMap<>();
        for (int i = 1; i < POINTS.size(); i++) {
            stages.put(POINTS.get(i - 1) + " → " + POINTS.get(i), new Stats());
        }
        List<Stats> byIndex = List.copyOf(stages.values());
        Map<String, Long> sent = deliveries.sentTimes();
        int messagesTraced = 0;
        for (Map.Entry<String, Long> message : sent.entrySet()) {
            Passage passage = trace.get(message.getKey());
            if (passage != null) {
                messagesTraced++;
                long[] points = {message.getValue(), passage.received(), passage.stored(), passage.committed()};
                addStages(byIndex, points, 0, LAST_MESSAGE_POINT);
            }
        }
        List<Deliveries.Delivery> all = deliveries.deliveries();
        int deliveriesTraced = 0;
        for (Deliveries.Delivery delivery : all) {
            Passage passage = trace.get(delivery.text());
            Long user = userIds.get(delivery.receiver().username());
            Map<String, Long> tab =
                    passage == null || user == null ? Map.of() : passage.tabs().getOrDefault(user, Map.of());
            long[] points = new long[POINTS.size()];
            points[LAST_MESSAGE_POINT] = passage == null ? 0 : passage.committed();
            for (int i = 0; i < TAB_STAGES.size(); i++) {
                points[LAST_MESSAGE_POINT + 1 + i] = tab.getOrDefault(TAB_STAGES.get(i), 0L);
            }
            points[POINTS.size() - 1] = delivery.arrived();
            if (addStages(byIndex, points, LAST_MESSAGE_POINT, POINTS.size() - 1)) {
                deliveriesTraced++;
            }
        }
        stages.forEach((stage, stats) -> context.results.add(benchmark, scenario + ": stage " + stage, "ms", stats));
        context.results.figure(
                benchmark,
                scenario + ": stage trace covers (messages; deliveries, every stage)",
                messagesTraced + " of " + sent.size() + "; " + deliveriesTraced + " of " + all.size());
    }

    /** Adds each stage from point {@code from} to {@code to} whose both ends are known; true if all were. */
    private static boolean addStages(List<Stats> stages, long[] points, int from, int to) {
        boolean complete = true;
        for (int i = from; i < to; i++) {
            if (points[i] > 0 && points[i + 1] > 0) {
                stages.get(i).add((points[i + 1] - points[i]) / 1000.0);
            } else {
                complete = false;
            }
        }
        return complete;
    }

    /** The trace's JSON, by message text (texts the benchmarks send are unique). */
    private static Map<String, Passage> read(String json) {
        Map<String, Passage> passages = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (JsonNode message : JSON.readTree(json)) {
            Map<Long, Map<String, Long>> tabs = new HashMap<>();
            for (JsonNode tab : message.path("tabs")) {
                tabs.computeIfAbsent(tab.path("user").asLong(), user -> new HashMap<>())
                        .merge(tab.path("stage").asString(), tab.path("at").asLong(), Math::min);
            }
            String text = message.path("text").asString();
            if (passages.put(
                            text,
                            new Passage(
                                    message.path("received").asLong(),
                                    message.path("stored").asLong(),
                                    message.path("committed").asLong(),
                                    tabs))
                    != null) {
                repeated.add(text);
            }
        }
        // A text sent twice cannot be told apart: leave it out rather than guess.
        repeated.forEach(passages::remove);
        return passages;
    }
}
