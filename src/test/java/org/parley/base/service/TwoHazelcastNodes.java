package org.parley.base.service;

import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Two Hazelcast members in this JVM, configured as Parley's nodes are ({@link ClusterConfig}), on loopback, in a
 * cluster of their own: two nodes for tests of what crosses between nodes.
 */
final class TwoHazelcastNodes implements AutoCloseable {

    final HazelcastInstance first;
    final HazelcastInstance second;

    /** {@code adjust} may change the configuration (the same for both) before the members start. */
    TwoHazelcastNodes(Consumer<Config> adjust) throws Exception {
        String cluster = "parley-test-" + UUID.randomUUID();
        int firstPort = freePort();
        int secondPort = freePort();
        String members = "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort;
        first = Hazelcast.newHazelcastInstance(config(cluster, members, firstPort, adjust));
        second = Hazelcast.newHazelcastInstance(config(cluster, members, secondPort, adjust));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.getCluster().getMembers().size() == 2);
    }

    private static Config config(String cluster, String members, int port, Consumer<Config> adjust) {
        Config config = new ClusterConfig().hazelcastConfig(cluster, members, port, "127.0.0.1", 10);
        adjust.accept(config);
        return config;
    }

    @Override
    public void close() {
        for (HazelcastInstance node : new HazelcastInstance[] {first, second}) {
            if (node.getLifecycleService().isRunning()) {
                node.getLifecycleService().terminate();
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
