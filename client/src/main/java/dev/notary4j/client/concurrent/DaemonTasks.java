package dev.notary4j.client.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started beside the caller's own during one update: a blocking request or a check of a large file. Each task
 * gets a daemon thread of its own (the common pool is not for blocking work, and a CLI must not wait for a task it
 * no longer needs); {@link #join} rethrows a task's own failure, not a wrapper of it.
 */
public final class DaemonTasks {
    private DaemonTasks() {
    }

    public static <T> CompletableFuture<T> start(String threadName, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The task's result; a RuntimeException or Error it threw is rethrown as is. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
