package org.parley.base.service;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Token buckets every node shares (present only on several nodes, {@link ClusterConfig}): Bucket4j's buckets kept
 * as bytes in a Hazelcast map and changed by compare-and-swap, Bucket4j's documented way onto any store that can
 * swap a value. A guesser whose requests a proxy spreads over the nodes then gets one allowance, not one per node.
 * Entries idle for {@link ClusterConfig#RATE_LIMITS_KEPT_SECONDS} are dropped: a bucket that long unused is full
 * again, which is the same as none.
 */
@Component
@Conditional(ClusterConfig.Enabled.class)
public class SharedBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String MAP = "parley-rate-limits";

    private final IMap<String, byte[]> buckets;

    SharedBuckets(HazelcastInstance hazelcast) {
        super(ClientSideConfig.getDefault());
        this.buckets = hazelcast.getMap(MAP);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(buckets.get(key));
            }

            @Override
            public boolean compareAndSwap(
                    byte[] original, byte[] replacement, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return original == null
                        ? buckets.putIfAbsent(key, replacement) == null
                        : buckets.replace(key, original, replacement);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("Parley uses its shared buckets synchronously");
    }

    @Override
    public void removeProxy(String key) {
        buckets.delete(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return buckets.deleteAsync(key).thenApply(deleted -> (Void) null).toCompletableFuture();
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
