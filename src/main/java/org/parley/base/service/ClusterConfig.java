package org.parley.base.service;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.topic.TopicOverloadPolicy;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Several Parley nodes on one database: each node is an embedded Hazelcast member, found by the addresses in
 * {@code parley.cluster.members} (TCP/IP) or by multicast ({@code parley.cluster.multicast=true}). Without either,
 * no Hazelcast starts and a node runs alone exactly as it always did. Spring Boot makes the instance from the
 * {@link Config} given here ({@link NodeRelay} uses it).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ClusterConfig.Enabled.class)
class ClusterConfig {

    /** The ring buffer under {@link NodeRelay#TOPIC}: how many events a slow node may fall behind by. */
    static final int EVENTS_KEPT = 20_000;

    /** How long an unused shared rate-limit bucket is kept ({@link SharedBuckets}): the longest limit's period. */
    static final int RATE_LIMITS_KEPT_SECONDS = 24 * 60 * 60;

    @Bean
    Config hazelcastConfig(
            @Value("${parley.cluster.name:parley}") String name,
            @Value("${parley.cluster.members:}") String members,
            @Value("${parley.cluster.port:5701}") int port,
            @Value("${parley.cluster.interface:}") String networkInterface,
            @Value("${parley.cluster.failure-detection-seconds:10}") int failureDetectionSeconds) {
        Config config = new Config();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // Spring shuts the member down with the context; Hazelcast's own hook would leave it first and lose
        // what in-flight sends still publish.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // A node killed outright is noticed within seconds (presence of its people, its share of the data).
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(failureDetectionSeconds));
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // No Management Center reads them: collecting them every few seconds is work on every node for nobody.
        config.getMetricsConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true);
        if (!networkInterface.isBlank()) {
            network.getInterfaces().setEnabled(true).addInterface(networkInterface);
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> addresses = addresses(members);
        join.getMulticastConfig().setEnabled(addresses.isEmpty());
        join.getTcpIpConfig().setEnabled(!addresses.isEmpty()).setMembers(addresses);

        // One topic for every node's events. DISCARD_OLDEST: a publisher never waits for a slow node; the slow
        // node sees the gap in the sequence and reloads its views from the database (NodeRelay).
        config.getReliableTopicConfig(NodeRelay.TOPIC)
                .setTopicOverloadPolicy(TopicOverloadPolicy.DISCARD_OLDEST)
                .setReadBatchSize(100)
                .setStatisticsEnabled(false);
        // (Hazelcast names a topic's ring buffer "_hz_rb_" + topic, but looks its settings up by the topic's name.)
        config.getRingbufferConfig(NodeRelay.TOPIC)
                .setCapacity(EVENTS_KEPT)
                .setBackupCount(1)
                .setTimeToLiveSeconds(300);
        config.getMapConfig(SharedBuckets.MAP).setMaxIdleSeconds(RATE_LIMITS_KEPT_SECONDS);
        return config;
    }

    private static List<String> addresses(String members) {
        return Arrays.stream(members.split(","))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
    }

    /** Clustered when members are listed or multicast is asked for. */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !environment.getProperty("parley.cluster.members", "").isBlank()
                    || environment.getProperty("parley.cluster.multicast", Boolean.class, false);
        }
    }
}
