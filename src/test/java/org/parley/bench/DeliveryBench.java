package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Delivery latency (one-on-one and group, over WebSocket and long polling, against a bare WebSocket broadcast on
 * the same server). Real Chromium pages send; light clients receive and note each push. The server is warmed up
 * first ({@link ServerWarmUp}), and each scenario's latency is split into stages by the server's own trace
 * ({@link ServerTrace}). Group fan-out is {@link FanOutBench}.
 */
final class DeliveryBench {

    private static final int MESSAGES = Integer.getInteger("bench.latency.messages", 100);
    private static final int GROUP_RECEIVERS = 19;
    private static final long PAUSE_MILLIS = 100;

    private DeliveryBench() {}

    static void latency(BenchContext context) throws Exception {
        ServerWarmUp.once(context);
        List<Seeder.Person> senders = Seeder.people("latsend", 2);
        List<ChromiumSender> pages = new ArrayList<>();
        for (Seeder.Person sender : senders) {
            pages.add(new ChromiumSender(context.signedInPage(sender.username(), "websocket")));
        }
        Stats.Summary directWebSocket = null;
        Stats.Summary groupWebSocket = null;
        double directBytes = 0;
        double groupBytes = 0;
        Crowd groupReceivers = null;
        for (LightClient.Transport transport : LightClient.Transport.values()) {
            String tag = transport == LightClient.Transport.WEBSOCKET ? "ws" : "lp";
            String name = transport == LightClient.Transport.WEBSOCKET ? "WebSocket" : "long polling";

            List<Seeder.Person> receivers = Seeder.people("lat1" + tag, senders.size());
            long[] conversations = Seeder.friendsWithConversations(senders, receivers);
            Deliveries direct = new Deliveries("direct-" + tag + "-");
            try (Crowd crowd = Crowd.connect(context, seats(receivers, conversations), transport, direct, 2)) {
                requireConnected(crowd, receivers.size());
                for (int i = 0; i < pages.size(); i++) {
                    pages.get(i).open(context.baseUrl(), conversations[i]);
                }
                // The first scenario's pages are fresh, and so is this JVM's side: warm them up longer.
                warmUp(pages, transport == LightClient.Transport.WEBSOCKET ? 100 : 10);
                pages.forEach(ChromiumSender::inBrowser);
                ServerTrace.clear(crowd.clients.getFirst());
                long pushedBefore = pushedBytes(crowd);
                send(pages, direct);
                direct.awaitAll(1, 30_000);
                Stats.Summary summary = context.results.add("latency", "1:1, " + name, "ms", direct.latencies());
                Stats inBrowser = new Stats();
                pages.forEach(page -> inBrowser.addAll(page.inBrowser()));
                context.results.add(
                        "latency",
                        "1:1, " + name + ": of which in the sending page (key press →" + " request leaves)",
                        "ms",
                        inBrowser);
                ServerTrace.breakdown(
                        context, "latency", "1:1, " + name, direct, userIds(receivers), crowd.clients.getFirst());
                figureMissing(context, "latency", "1:1, " + name, direct.missing(1));
                figureResyncs(context, "latency", "1:1, " + name, crowd, direct);
                double bytes = pushedBytesPerDelivery(crowd, pushedBefore, summary.count());
                context.results.figure(
                        "latency",
                        "1:1, " + name + ": pushed bytes per message",
                        String.format(Locale.ROOT, "%.0f", bytes));
                if (transport == LightClient.Transport.WEBSOCKET) {
                    directWebSocket = summary;
                    directBytes = bytes;
                }
            }

            List<Seeder.Person> members = Seeder.people("latg" + tag, GROUP_RECEIVERS);
            List<Seeder.Person> everyone = new ArrayList<>(List.of(senders.getFirst()));
            everyone.addAll(members);
            Seeder.Group group = Seeder.group("Latency " + name, everyone);
            Deliveries inGroup = new Deliveries("group-" + tag + "-");
            Crowd crowd = Crowd.connect(context, seats(members, group.conversationId()), transport, inGroup, 4);
            requireConnected(crowd, members.size());
            ChromiumSender sender = pages.getFirst();
            sender.open(context.baseUrl(), group.conversationId());
            warmUp(List.of(sender));
            sender.inBrowser();
            ServerTrace.clear(crowd.clients.getFirst());
            long pushedBefore = pushedBytes(crowd);
            send(List.of(sender), inGroup);
            inGroup.awaitAll(GROUP_RECEIVERS, 30_000);
            String scenario = "group of " + (GROUP_RECEIVERS + 1) + ", " + name;
            Stats.Summary summary = context.results.add("latency", scenario, "ms", inGroup.latencies());
            context.results.add("latency", scenario + ": of which in the sending page", "ms", sender.inBrowser());
            ServerTrace.breakdown(context, "latency", scenario, inGroup, userIds(members), crowd.clients.getFirst());
            figureMissing(context, "latency", scenario, inGroup.missing(GROUP_RECEIVERS));
            figureResyncs(context, "latency", scenario, crowd, inGroup);
            double bytes = pushedBytesPerDelivery(crowd, pushedBefore, summary.count());
            context.results.figure(
                    "latency", scenario + ": pushed bytes per message", String.format(Locale.ROOT, "%.0f", bytes));
            if (transport == LightClient.Transport.WEBSOCKET) {
                groupWebSocket = summary;
                groupBytes = bytes;
                groupReceivers = crowd;
            } else {
                crowd.close();
            }
        }

        // The floor: the same sender page, the same receivers' sessions, a bare socket, payloads as large as
        // Parley's pushes for the same message.
        ChromiumSender sender = pages.getFirst();
        sender.joinBroadcastFloor(context.baseUrl());
        List<LightClient> receivers = groupReceivers.clients;
        List<java.net.http.WebSocket> floorSockets = new ArrayList<>();
        Deliveries floorOne = new Deliveries("floor1-");
        receivers.getFirst().listener(floorOne);
        floorSockets.add(receivers.getFirst().joinBroadcastFloor());
        sendOverFloor(sender, floorOne, (int) directBytes);
        floorOne.awaitAll(1, 30_000);
        Stats.Summary floorToOne =
                context.results.add("latency", "floor: bare WebSocket to 1", "ms", floorOne.latencies());
        Deliveries floorMany = new Deliveries("floor" + GROUP_RECEIVERS + "-");
        for (LightClient receiver : receivers) {
            receiver.listener(floorMany);
            if (receiver != receivers.getFirst()) {
                floorSockets.add(receiver.joinBroadcastFloor());
            }
        }
        sendOverFloor(sender, floorMany, (int) groupBytes);
        floorMany.awaitAll(receivers.size(), 30_000);
        Stats.Summary floorToMany = context.results.add(
                "latency", "floor: bare WebSocket to " + receivers.size(), "ms", floorMany.latencies());
        ratio(context, "1:1, WebSocket", directWebSocket, floorToOne);
        ratio(context, "group, WebSocket", groupWebSocket, floorToMany);
        floorSockets.forEach(java.net.http.WebSocket::abort);
        groupReceivers.close();
        pages.forEach(page -> page.page().context().close());
    }

    private static void send(List<ChromiumSender> pages, Deliveries deliveries) throws InterruptedException {
        for (int n = 0; n < MESSAGES; n++) {
            String text = deliveries.text(n);
            deliveries.sent(text, pages.get(n % pages.size()).send(text));
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    private static void sendOverFloor(ChromiumSender sender, Deliveries deliveries, int payloadBytes)
            throws InterruptedException {
        for (int n = 0; n < MESSAGES; n++) {
            String text = deliveries.text(n);
            String padded = text + " " + "x".repeat(Math.max(0, payloadBytes - text.length() - 1));
            deliveries.sent(padded, sender.sendOverFloor(padded));
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    /** First sends pay for class loading and JIT on both sides; they are not measured. */
    static void warmUp(List<ChromiumSender> pages) throws InterruptedException {
        warmUp(pages, 10);
    }

    private static void warmUp(List<ChromiumSender> pages, int messages) throws InterruptedException {
        for (int n = 0; n < messages; n++) {
            pages.get(n % pages.size()).send("warm-up " + n);
            Thread.sleep(50);
        }
        Thread.sleep(500);
    }

    private static long pushedBytes(Crowd crowd) {
        return crowd.clients.stream().mapToLong(LightClient::pushedBytes).sum();
    }

    /** Pushed to the receivers since {@code before} (the measured messages only, not the warm-up's), per delivery. */
    private static double pushedBytesPerDelivery(Crowd crowd, long before, int deliveries) {
        return deliveries == 0 ? 0 : (double) (pushedBytes(crowd) - before) / deliveries;
    }

    private static void ratio(BenchContext context, String scenario, Stats.Summary parley, Stats.Summary floor) {
        context.results.figure(
                "latency",
                scenario + " vs floor (p50 ratio, p99 ratio)",
                String.format(Locale.ROOT, "%.1f×, %.1f×", parley.p50() / floor.p50(), parley.p99() / floor.p99()));
    }

    static void figureMissing(BenchContext context, String benchmark, String scenario, long missing) {
        if (missing > 0) {
            context.results.figure(benchmark, scenario + ": deliveries MISSING", Long.toString(missing));
        }
    }

    /**
     * How often the receivers' clients found a gap in the server's message sequence: messages held back for an
     * earlier one, and resyncs (the earlier one never came: 5 s of waiting, then the whole state again, which is
     * where the deliveries "via resync" arrived). Anything but 0 resyncs needs explaining.
     */
    static void figureResyncs(
            BenchContext context, String benchmark, String scenario, Crowd crowd, Deliveries deliveries) {
        context.results.figure(
                benchmark,
                scenario + ": resyncs / deliveries via resync / messages held back",
                crowd.resyncs() + " / " + deliveries.viaResync() + " / " + crowd.heldBack());
    }

    static void requireConnected(Crowd crowd, int expected) {
        if (crowd.size() != expected) {
            Throwable first = crowd.failures.isEmpty() ? null : crowd.failures.getFirst();
            throw new IllegalStateException(
                    crowd.failures.size() + " of " + expected + " clients failed to connect"
                            + (first == null
                                    ? ""
                                    : ": " + first + (first.getCause() == null ? "" : " / " + first.getCause())),
                    first);
        }
    }

    /** People's ids by username: whose tab a light client is, for the server's trace. */
    private static Map<String, Long> userIds(List<Seeder.Person> people) {
        return people.stream().collect(Collectors.toMap(Seeder.Person::username, Seeder.Person::id));
    }

    static List<Crowd.Seat> seats(List<Seeder.Person> people, long[] conversations) {
        List<Crowd.Seat> seats = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            seats.add(new Crowd.Seat(people.get(i), conversations[i]));
        }
        return seats;
    }

    static List<Crowd.Seat> seats(List<Seeder.Person> people, long conversationId) {
        return people.stream()
                .map(person -> new Crowd.Seat(person, conversationId))
                .toList();
    }
}
