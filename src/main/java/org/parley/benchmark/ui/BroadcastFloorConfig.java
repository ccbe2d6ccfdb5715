package org.parley.benchmark.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/** Registers the benchmarks' bare WebSocket broadcast only where asked for (bench/run starts Parley with it). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("parley.benchmark.broadcast-floor")
class BroadcastFloorConfig {

    @Bean
    ServerEndpointExporter broadcastFloorEndpoint() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(BroadcastFloorSocket.class);
        return exporter;
    }
}
