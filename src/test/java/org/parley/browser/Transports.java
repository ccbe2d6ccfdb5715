package org.parley.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The push transports a browser test runs over: WebSocket and forced long polling. The property
 * {@code parley.transports} (comma-separated) narrows them for one pass of CI, which runs the other transport in its
 * second pass; a developer's {@code ./mvnw verify} runs both.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(Transports.Provider.class)
@interface Transports {

    List<String> ALL = List.of("websocket", "long-polling");

    final class Provider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(
                ParameterDeclarations parameters, ExtensionContext context) {
            String chosen = System.getProperty("parley.transports", "").strip();
            if (chosen.isEmpty()) {
                return ALL.stream().map(Arguments::of);
            }
            List<String> wanted =
                    Arrays.stream(chosen.split(",")).map(String::strip).toList();
            if (!ALL.containsAll(wanted)) {
                throw new IllegalArgumentException("parley.transports may name only " + ALL + ", not " + wanted);
            }
            return wanted.stream().map(Arguments::of);
        }
    }
}
