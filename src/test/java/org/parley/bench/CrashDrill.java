package org.parley.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash drill: senders post numbered messages, each with its own client-made id, as fast as they can into a
 * group; midway the server is killed with {@code kill -9} and started again. Senders whose send was not answered
 * reconnect and send the same message again with the same id. Receivers reconnect (before senders resume, so
 * the newest page they open reaches back past the crash) and keep the list their screen shows. Afterwards:
 * every message a sender saw acknowledged is stored exactly once, in order; every reconnected receiver's list
 * has no gap and no duplicate.
 */
final class CrashDrill {

    private static final Pattern NUMBERED = Pattern.compile("drill (s\\d+) #(\\d+)");

    /** What the drill counted; {@link #clean()} is the verdict. */
    record Outcome(
            int attempts,
            int acknowledged,
            int resent,
            int stored,
            int lost,
            int duplicated,
            int outOfOrder,
            int receivers,
            int receiversReconnected,
            int receiverGaps,
            int receiverDuplicates,
            long downMillis) {
        boolean clean() {
            return lost == 0
                    && duplicated == 0
                    && outOfOrder == 0
                    && receiverGaps == 0
                    && receiverDuplicates == 0
                    && receiversReconnected == receivers
                    && acknowledged > 0;
        }
    }

    private CrashDrill() {}

    static void run(BenchContext context) throws Exception {
        Outcome outcome = drill(context, 6, 6, 8_000, 8_000);
        context.results.figure(
                "crash drill",
                "messages acknowledged / attempts / resent after the crash",
                outcome.acknowledged() + " / " + outcome.attempts() + " / " + outcome.resent());
        context.results.figure(
                "crash drill",
                "stored / lost / duplicated / out of order",
                outcome.stored() + " / " + outcome.lost() + " / " + outcome.duplicated() + " / "
                        + outcome.outOfOrder());
        context.results.figure(
                "crash drill",
                "receivers reconnected / with a gap / with a duplicate",
                outcome.receiversReconnected() + " of " + outcome.receivers() + " / " + outcome.receiverGaps() + " / "
                        + outcome.receiverDuplicates());
        context.results.figure(
                "crash drill", "server down (kill -9 to answering again), ms", Long.toString(outcome.downMillis()));
        context.results.figure(
                "crash drill", "verdict", outcome.clean() ? "exactly once, in order, no gaps" : "FAILED: " + outcome);
    }

    static Outcome drill(BenchContext context, int senderCount, int receiverCount, long beforeMillis, long afterMillis)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Seeder.Person> senders = Seeder.people("drills" + run, senderCount);
        List<Seeder.Person> receivers = Seeder.people("drillr" + run, receiverCount);
        List<Seeder.Person> everyone = new ArrayList<>(senders);
        everyone.addAll(receivers);
        Seeder.Group group = Seeder.group("Crash drill " + run, everyone);
        String route = "chat/" + group.conversationId();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean serverDown = new AtomicBoolean();
        List<Receiver> receiving = new ArrayList<>();
        for (Seeder.Person person : receivers) {
            Receiver receiver = new Receiver(context, person, route);
            receiver.connect();
            receiving.add(receiver);
        }
        List<Sender> sending = new ArrayList<>();
        for (int i = 0; i < senderCount; i++) {
            Sender sender = new Sender(context, senders.get(i), "s" + i, run, route, stop, serverDown);
            sending.add(sender);
        }
        List<Thread> threads = sending.stream()
                .map(s -> Thread.ofPlatform().name("drill-" + s.name).start(s))
                .toList();

        Thread.sleep(beforeMillis);
        serverDown.set(true);
        long killed = System.nanoTime();
        context.server.kill9();
        System.out.println("   kill -9 sent; restarting");
        context.server.start();
        long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        // Receivers first: their newest page must reach back past the crash for "no gap" to be checkable.
        for (Receiver receiver : receiving) {
            receiver.reconnect();
        }
        serverDown.set(false);
        Thread.sleep(afterMillis);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        Thread.sleep(2000);
        receiving.forEach(r -> r.client.close());
        sending.forEach(s -> s.client.close());

        // What is stored, per sender, in id order.
        Map<String, List<Integer>> stored = new HashMap<>();
        try (Connection db = BenchDatabase.connect();
                PreparedStatement select =
                        db.prepareStatement("select body from chat_message where conversation_id = ? order by id")) {
            select.setLong(1, group.conversationId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Matcher numbered = NUMBERED.matcher(rows.getString(1));
                    if (numbered.find()) {
                        stored.computeIfAbsent(numbered.group(1), s -> new ArrayList<>())
                                .add(Integer.parseInt(numbered.group(2)));
                    }
                }
            }
        }
        int attempts = 0;
        int acknowledged = 0;
        int resent = 0;
        int storedCount = 0;
        int lost = 0;
        int duplicated = 0;
        int outOfOrder = 0;
        for (Sender sender : sending) {
            List<Integer> numbers = stored.getOrDefault(sender.name, List.of());
            storedCount += numbers.size();
            attempts += sender.attempts.get();
            acknowledged += sender.acknowledged.size();
            resent += sender.resent.get();
            for (int number : sender.acknowledged) {
                long copies = numbers.stream().filter(n -> n == number).count();
                if (copies == 0) {
                    lost++;
                } else if (copies > 1) {
                    duplicated += (int) copies - 1;
                }
            }
            for (int i = 1; i < numbers.size(); i++) {
                if (numbers.get(i) <= numbers.get(i - 1)) {
                    outOfOrder++;
                }
            }
        }
        int reconnected = 0;
        int gaps = 0;
        int duplicates = 0;
        for (Receiver receiver : receiving) {
            if (!receiver.reconnected) {
                continue;
            }
            reconnected++;
            Map<String, Integer> lastBefore = lastPerSender(receiver.before);
            Map<String, List<Integer>> after = perSender(receiver.shown);
            boolean gap = false;
            boolean duplicate = false;
            for (Map.Entry<String, List<Integer>> entry : after.entrySet()) {
                List<Integer> numbers = entry.getValue();
                for (int i = 1; i < numbers.size(); i++) {
                    duplicate |= numbers.get(i).equals(numbers.get(i - 1));
                    gap |= numbers.get(i) > numbers.get(i - 1) + 1;
                }
                Integer last = lastBefore.get(entry.getKey());
                // The list after the crash must start no later than right after what was seen before it.
                gap |= last != null && !numbers.isEmpty() && numbers.getFirst() > last + 1;
            }
            gaps += gap ? 1 : 0;
            duplicates += duplicate ? 1 : 0;
        }
        return new Outcome(
                attempts,
                acknowledged,
                resent,
                storedCount,
                lost,
                duplicated,
                outOfOrder,
                receiverCount,
                reconnected,
                gaps,
                duplicates,
                downMillis);
    }

    private static Map<String, List<Integer>> perSender(List<String> texts) {
        Map<String, List<Integer>> numbers = new HashMap<>();
        for (String text : texts) {
            Matcher numbered = NUMBERED.matcher(text);
            if (numbered.find()) {
                numbers.computeIfAbsent(numbered.group(1), s -> new ArrayList<>())
                        .add(Integer.parseInt(numbered.group(2)));
            }
        }
        return numbers;
    }

    private static Map<String, Integer> lastPerSender(List<String> texts) {
        Map<String, Integer> last = new HashMap<>();
        perSender(texts).forEach((sender, numbers) -> last.put(sender, numbers.getLast()));
        return last;
    }

    /** Sends numbered messages as fast as answers come; an unanswered one is sent again, same id, after reconnecting. */
    private static final class Sender implements Runnable {
        final String name;
        final List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();
        final LightClient client;
        private final Seeder.Person person;
        private final String run;
        private final String route;
        private final AtomicBoolean stop;
        /** Set from the kill until the receivers are back: senders hold off reconnecting meanwhile. */
        private final AtomicBoolean serverDown;

        Sender(
                BenchContext context,
                Seeder.Person person,
                String name,
                String run,
                String route,
                AtomicBoolean stop,
                AtomicBoolean serverDown) {
            this.person = person;
            this.name = name;
            this.run = run;
            this.route = route;
            this.stop = stop;
            this.serverDown = serverDown;
            this.client = context.lightClient((c, text, at, pushed) -> {});
        }

        @Override
        public void run() {
            int number = 1;
            List<String> shownOnOpen = List.of();
            boolean connected = false;
            boolean retry = false;
            while (!stop.get()) {
                try {
                    if (!connected) {
                        if (serverDown.get()) {
                            Thread.sleep(100);
                            continue;
                        }
                        client.abandon();
                        client.signIn(person.username(), Seeder.PASSWORD);
                        shownOnOpen = LightClient.itemTexts(client.open(route));
                        connected = true;
                    }
                    String text = "drill " + name + " #" + number;
                    attempts.incrementAndGet();
                    if (retry) {
                        resent.incrementAndGet();
                    }
                    String answer = client.send(text, "drill-" + run + "-" + name + "-" + number);
                    // Stored before the crash, the message is already in the page just opened: the repeat changes
                    // nothing on screen, and the page is the acknowledgement.
                    if (LightClient.shows(answer, text) || shownOnOpen.contains(text)) {
                        acknowledged.add(number);
                        number++;
                        retry = false;
                    } else {
                        retry = true;
                    }
                } catch (IOException | RuntimeException lostConnection) {
                    connected = false;
                    retry = true;
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Keeps what its screen shows: the list the page opened with, plus pushed additions. */
    private static final class Receiver implements LightClient.Listener {
        final LightClient client;
        final List<String> shown = new CopyOnWriteArrayList<>();
        List<String> before = List.of();
        volatile boolean reconnected;
        private final Seeder.Person person;
        private final String route;

        Receiver(BenchContext context, Seeder.Person person, String route) {
            this.person = person;
            this.route = route;
            this.client = context.lightClient(this);
        }

        void connect() throws IOException, InterruptedException {
            client.signIn(person.username(), Seeder.PASSWORD);
            client.open(route);
            client.connectPush(LightClient.Transport.WEBSOCKET);
        }

        void reconnect() throws InterruptedException {
            before = List.copyOf(shown);
            client.abandon();
            for (int attempt = 0; attempt < 20 && !reconnected; attempt++) {
                try {
                    connect();
                    reconnected = true;
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
        }

        @Override
        public void uidl(LightClient source, String json, boolean pushed) {
            if (json.contains("messageListConnector.setItems")) {
                shown.clear();
                shown.addAll(drillTexts(json));
            } else if (json.contains("messageListConnector.addItems")) {
                shown.addAll(drillTexts(json));
            }
        }

        @Override
        public void message(LightClient source, String text, long arrivedEpochMicros, boolean pushed) {}

        private static List<String> drillTexts(String json) {
            return LightClient.itemTexts(json).stream()
                    .filter(t -> t.startsWith("drill "))
                    .toList();
        }
    }
}
