package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings a fresh server to the speed of one in use before latency is measured: its JIT is still compiling after a
 * hundred messages (the stage trace showed received → stored at 14 ms after 100 messages, 5 ms after 2000). Light
 * clients, no browser: one person sends {@code bench.latency.warmup.direct} (2000) messages in a one-on-one
 * conversation whose receiver has two tabs, one on WebSocket and one on long polling, then
 * {@code bench.latency.warmup.group} (300) into a group of 20 receivers (5 of them long polling). Each message
 * follows as soon as the server answered the one before. The measured scenarios use other people, conversations
 * and fresh pages (a page whose list holds thousands of messages is slow itself), and keep their own short warm-up.
 */
final class ServerWarmUp {

    private static final int GROUP_RECEIVERS = 20;
    private static final int GROUP_LONG_POLLING = 5;

    private ServerWarmUp() {}

    private static boolean warm;
    /** Each warm-up seeds people of its own (the cluster benchmark warms three more servers on one database). */
    private static int runs;

    /** Warms the server unless this run already did (latency and fan-out both measure a warm server). */
    static synchronized void once(BenchContext context) throws Exception {
        if (!warm) {
            run(context);
            warm = true;
        }
    }

    /** Warms this server up now (the cluster benchmark warms each of its nodes). */
    static void run(BenchContext context) throws Exception {
        int direct = Integer.getInteger("bench.latency.warmup.direct", 2000);
        int inGroup = Integer.getInteger("bench.latency.warmup.group", 300);
        long started = System.nanoTime();
        LightClient.Listener ignore = (client, text, at, pushed) -> {};
        long missing = 0;

        String run = runs++ == 0 ? "" : Integer.toString(runs);
        Seeder.Person sender = Seeder.people("warmsend" + run, 1).getFirst();
        Seeder.Person receiver = Seeder.people("warmrecv" + run, 1).getFirst();
        long conversation = Seeder.friendsWithConversations(List.of(sender), List.of(receiver))[0];
        Deliveries deliveries = new Deliveries("warm-up-direct-");
        List<Crowd.Seat> receiverTab = List.of(new Crowd.Seat(receiver, conversation));
        try (Crowd sending = Crowd.connect(
                        context,
                        List.of(new Crowd.Seat(sender, conversation)),
                        LightClient.Transport.WEBSOCKET,
                        ignore,
                        1);
                Crowd receiving = Crowd.connect(context, receiverTab, LightClient.Transport.WEBSOCKET, deliveries, 1)) {
            receiving.add(context, receiverTab, LightClient.Transport.LONG_POLLING, deliveries, 1);
            DeliveryBench.requireConnected(sending, 1);
            DeliveryBench.requireConnected(receiving, 2);
            missing += send(sending.clients.getFirst(), deliveries, direct, 2);
        }

        List<Seeder.Person> members = Seeder.people("warmg" + run, GROUP_RECEIVERS);
        List<Seeder.Person> everyone = new ArrayList<>(List.of(sender));
        everyone.addAll(members);
        long group = Seeder.group("Server warm-up", everyone).conversationId();
        deliveries = new Deliveries("warm-up-group-");
        try (Crowd sending = Crowd.connect(
                        context, List.of(new Crowd.Seat(sender, group)), LightClient.Transport.WEBSOCKET, ignore, 1);
                Crowd receiving = Crowd.connect(
                        context,
                        DeliveryBench.seats(members.subList(GROUP_LONG_POLLING, GROUP_RECEIVERS), group),
                        LightClient.Transport.WEBSOCKET,
                        deliveries,
                        4)) {
            receiving.add(
                    context,
                    DeliveryBench.seats(members.subList(0, GROUP_LONG_POLLING), group),
                    LightClient.Transport.LONG_POLLING,
                    deliveries,
                    4);
            DeliveryBench.requireConnected(sending, 1);
            DeliveryBench.requireConnected(receiving, GROUP_RECEIVERS);
            missing += send(sending.clients.getFirst(), deliveries, inGroup, GROUP_RECEIVERS);
        }
        context.results.figure(
                "warm-up",
                "server warm-up before measuring",
                String.format(
                        Locale.ROOT,
                        "%d messages (%d 1:1 to a WebSocket and a long-polling tab, %d to a group of %d) in %.1f s%s",
                        direct + inGroup,
                        direct,
                        inGroup,
                        GROUP_RECEIVERS + 1,
                        (System.nanoTime() - started) / 1e9,
                        missing == 0 ? "" : "; " + missing + " deliveries missing"));
    }

    /**
     * Sends {@code count} messages, each once the server answered the one before, then waits (up to 60 s) until
     * {@code receivers} tabs have them all; returns the deliveries still missing.
     */
    private static long send(LightClient sender, Deliveries deliveries, int count, int receivers) throws Exception {
        for (int n = 0; n < count; n++) {
            String text = deliveries.text(n);
            deliveries.sent(text, LightClient.epochMicros());
            sender.send(text, text); // the text doubles as the client-made id (letters, digits, -)
        }
        deliveries.awaitAll(receivers, 60_000);
        return deliveries.missing(receivers);
    }
}
