package org.parley.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Vaadin's client rule for the server's UIDL messages on one UI (Flow 25.2's MessageHandler): every message
 * carries a {@code syncId}, and the client applies them strictly in that order. One it has already seen is ignored;
 * one that came early is held back until the missing one arrives. If the missing one has not come within the
 * client's {@code maxMessageSuspendTimeout} (5 s), the client gives up waiting, drops what it held back and asks
 * the server for the whole state again (a resynchronisation); until that answer comes, everything is held back.
 * Push frames and request answers share one sequence but arrive on different connections and threads, so all of
 * this is synchronised here; messages are applied while the lock is held, which keeps them in order.
 */
final class SyncOrder {

    /** Vaadin's default {@code maxMessageSuspendTimeout}. */
    static final long SUSPEND_TIMEOUT_MILLIS = 5000;

    /** One server message: its sync id (-1 without one), when it arrived, how, and whether it is a full resync. */
    record Uidl(String json, int syncId, long arrivedEpochMicros, boolean pushed, boolean resync) {}

    interface Handler {
        /** Applies a message in order; {@code atEpochMicros} is when it could be shown (later if it was held back). */
        void apply(Uidl message, long atEpochMicros);

        /** Gave up waiting for a missing message: ask the server for a resync (called without the lock held). */
        void resynchronize();
    }

    private final Handler handler;
    private final ScheduledExecutorService timers;
    private final long timeoutMillis;
    private final TreeMap<Integer, Uidl> heldBack = new TreeMap<>();
    private int lastSeen;
    private boolean awaitingResync;
    private ScheduledFuture<?> giveUp;
    /** Bumped on every reset: a timer or connection of an earlier UI must not touch this one. */
    private int generation;

    private int resyncs;
    private int heldBackCount;
    private int ignored;

    SyncOrder(Handler handler, ScheduledExecutorService timers, long timeoutMillis) {
        this.handler = handler;
        this.timers = timers;
        this.timeoutMillis = timeoutMillis;
    }

    /** A new UI (or none): the next message expected is {@code lastSeen + 1}; counters are kept. */
    synchronized void reset(int lastSeen) {
        generation++;
        this.lastSeen = lastSeen;
        heldBack.clear();
        awaitingResync = false;
        cancelTimer();
    }

    synchronized int generation() {
        return generation;
    }

    /** The last server message applied: what the client reports back to the server as its {@code syncId}. */
    synchronized int lastSeen() {
        return lastSeen;
    }

    synchronized int resyncs() {
        return resyncs;
    }

    /** Messages that arrived before an earlier one and had to wait. */
    synchronized int heldBackCount() {
        return heldBackCount;
    }

    /** Messages already seen (a repeat, or older than a resync's state). */
    synchronized int ignored() {
        return ignored;
    }

    /** A message from the server, on any connection; {@code fromGeneration} is the UI it was received for. */
    synchronized void accept(Uidl message, int fromGeneration) {
        if (fromGeneration != generation) {
            return;
        }
        if (message.resync()) {
            // The whole state: it replaces everything before it, whatever was missing.
            awaitingResync = false;
            if (message.syncId() != lastSeen + 1) {
                lastSeen = message.syncId() - 1;
                heldBack.headMap(message.syncId(), true).clear();
            }
        } else if (awaitingResync) {
            heldBack.put(message.syncId(), message);
            return;
        }
        if (message.syncId() < 0) {
            handler.apply(message, message.arrivedEpochMicros());
        } else if (message.syncId() <= lastSeen) {
            ignored++;
        } else if (message.syncId() == lastSeen + 1) {
            applyInOrder(message, message.arrivedEpochMicros());
            drain();
        } else {
            heldBack.put(message.syncId(), message);
            heldBackCount++;
            startTimer();
        }
    }

    /** The resync request could not be made: go on as before (a gap that stays starts the timer again). */
    synchronized void resyncFailed() {
        awaitingResync = false;
        drain();
    }

    private void applyInOrder(Uidl message, long at) {
        lastSeen = message.syncId();
        handler.apply(message, at);
    }

    /** Applies what was held back as far as the sequence now allows; a message released late shows up now. */
    private void drain() {
        heldBack.headMap(lastSeen, true).clear();
        for (Map.Entry<Integer, Uidl> next; (next = heldBack.firstEntry()) != null && next.getKey() == lastSeen + 1; ) {
            heldBack.pollFirstEntry();
            applyInOrder(next.getValue(), LightClient.epochMicros());
        }
        if (heldBack.isEmpty()) {
            cancelTimer();
        } else {
            startTimer();
        }
    }

    private void startTimer() {
        if (giveUp == null && !awaitingResync) {
            int scheduledFor = generation;
            giveUp = timers.schedule(() -> giveUp(scheduledFor), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimer() {
        if (giveUp != null) {
            giveUp.cancel(false);
            giveUp = null;
        }
    }

    private void giveUp(int scheduledFor) {
        synchronized (this) {
            if (scheduledFor != generation) {
                return;
            }
            giveUp = null;
            if (heldBack.isEmpty()) {
                return;
            }
            heldBack.clear();
            awaitingResync = true;
            resyncs++;
        }
        handler.resynchronize();
    }
}
