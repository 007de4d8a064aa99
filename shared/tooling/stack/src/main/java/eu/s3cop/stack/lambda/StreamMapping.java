package eu.s3cop.stack.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.s3cop.stack.StackException;
import eu.s3cop.stack.template.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An event source mapping from a DynamoDB stream to a function, as Lambda runs one: it polls
 * each shard four times a second, drops what the filter criteria do not match, gathers records
 * for the batching window or until the batch is full, and invokes the function with one batch
 * at a time, in order. A failed batch is retried as a whole, up to the trigger's retry limit,
 * before anything after it is delivered.
 */
public final class StreamMapping implements AutoCloseable {

    /** How a batch reaches the function: one synchronous invocation. */
    @FunctionalInterface
    public interface Delivery {
        Invocation deliver(String event, String trigger, int attempt);
    }

    private static final long POLL_MILLIS = 250;
    private static final long DESCRIBE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int READ_LIMIT = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String eventSourceArn;
    private final String functionName;
    private final Trigger.DynamoDb trigger;
    private final EventFilter filter;
    private final String region;
    private final Delivery delivery;
    private final Duration retryDelay;
    private final Thread thread;

    // Only the polling thread touches these.
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Map<String, String> lastRead = new HashMap<>();
    private final List<ObjectNode> batch = new ArrayList<>();
    private long batchStarted;
    private boolean unread;
    private long described;
    private long describedForDrain;
    private boolean initial = true;

    // Guarded by this: drains asked for, the last one the poller has caught up with, batches delivered.
    private long requested;
    private long caughtUp;
    private long delivered;
    private volatile boolean closed;

    public StreamMapping(DynamoDbStreamsClient streams, String streamArn, String eventSourceArn, String functionName,
            Trigger.DynamoDb trigger, String region, Duration retryDelay, Delivery delivery) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.eventSourceArn = eventSourceArn;
        this.functionName = functionName;
        this.trigger = trigger;
        this.filter = EventFilter.of(trigger.filters(), functionName + ".Events." + trigger.eventId() + ".FilterCriteria");
        this.region = region;
        this.retryDelay = retryDelay;
        this.delivery = delivery;
        this.thread = new Thread(this::run, "s3cop-stream-" + functionName);
        this.thread.setDaemon(true);
    }

    /** Reads the stream's shards at their starting position and begins polling. */
    public StreamMapping start() {
        describe();
        thread.start();
        return this;
    }

    /**
     * Waits until every record written before this call has been read and, if it passes the
     * filter, delivered: the batching window is cut short, as if the batch were full.
     *
     * @return whether any batch was delivered meanwhile
     */
    public synchronized boolean drain(long deadlineNanos) {
        long before = delivered;
        long generation = ++requested;
        notifyAll();
        while (caughtUp < generation) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || closed) {
                throw new StackException("The " + trigger.table() + " stream's records for " + functionName + " were still being delivered");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while the " + trigger.table() + " stream was delivered", e);
            }
        }
        return delivered != before;
    }

    private void run() {
        while (!closed) {
            long generation;
            synchronized (this) {
                generation = requested;
            }
            boolean read;
            try {
                // A drain looks for new shards once, so what a new shard holds is not left behind.
                if (generation > describedForDrain || System.nanoTime() - described > DESCRIBE_NANOS) {
                    describe();
                    describedForDrain = generation;
                }
                read = poll();
                boolean windowOver = System.nanoTime() - batchStarted >= TimeUnit.SECONDS.toNanos(trigger.batchingWindowSeconds());
                while (!batch.isEmpty() && (batch.size() >= trigger.batchSize() || windowOver || generation > caughtUp)) {
                    deliverBatch();
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                System.err.println(functionName + " | ERROR reading the " + trigger.table() + " stream: " + e);
                pause(POLL_MILLIS * 4);
                continue;
            }
            synchronized (this) {
                if (!read && !unread && batch.isEmpty()) {
                    caughtUp = generation;
                    notifyAll();
                }
                if (!read && requested == generation && !closed) {
                    try {
                        wait(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Finds new shards; a child is read only once its parent is read to its end, as Lambda does. */
    private void describe() {
        String start = null;
        List<Shard> shards = new ArrayList<>();
        do {
            String from = start;
            StreamDescription description = streams.describeStream(describe -> describe.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        for (Shard shard : shards) {
            String id = shard.shardId();
            boolean parentOpen = shard.parentShardId() != null && iterators.containsKey(shard.parentShardId());
            if (iterators.containsKey(id) || finished.contains(id) || parentOpen) {
                continue;
            }
            ShardIteratorType type = initial ? ShardIteratorType.fromValue(trigger.startingPosition()) : ShardIteratorType.TRIM_HORIZON;
            iterators.put(id, streams.getShardIterator(get -> get.streamArn(streamArn).shardId(id).shardIteratorType(type)).shardIterator());
        }
        initial = false;
        described = System.nanoTime();
    }

    /** One read of every open shard; whether it found any record ({@link #unread} says whether a shard could not be read). */
    private boolean poll() {
        boolean read = false;
        unread = false;
        for (Map.Entry<String, String> shard : List.copyOf(iterators.entrySet())) {
            GetRecordsResponse response;
            try {
                response = streams.getRecords(get -> get.shardIterator(shard.getValue()).limit(READ_LIMIT));
            } catch (TrimmedDataAccessException | ExpiredIteratorException | ResourceNotFoundException e) {
                // DynamoDB Local answers so for an iterator taken while its shard was empty, once the
                // shard has records, and at times names no shard; iterators also expire. Lambda takes
                // a new iterator: after the last record read, or at the oldest when none was.
                iterators.put(shard.getKey(), resume(shard.getKey()));
                unread = true;
                continue;
            }
            for (Record change : response.records()) {
                read = true;
                lastRead.put(shard.getKey(), change.dynamodb().sequenceNumber());
                ObjectNode record = Events.dynamoDbRecord(change, eventSourceArn, region);
                if (filter.accepts(record)) {
                    if (batch.isEmpty()) {
                        batchStarted = System.nanoTime();
                    }
                    batch.add(record);
                }
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(shard.getKey());
                finished.add(shard.getKey());
                described = 0;
            } else {
                iterators.put(shard.getKey(), response.nextShardIterator());
            }
        }
        return read;
    }

    /** An iterator just after the last record read from the shard, or at its oldest record when none was. */
    private String resume(String shardId) {
        String last = lastRead.get(shardId);
        return streams.getShardIterator(get -> {
            get.streamArn(streamArn).shardId(shardId);
            if (last == null) {
                get.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                get.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
            }
        }).shardIterator();
    }

    private void deliverBatch() {
        int size = Math.min(batch.size(), trigger.batchSize());
        List<ObjectNode> records = new ArrayList<>(batch.subList(0, size));
        batch.subList(0, size).clear();
        batchStarted = System.nanoTime();
        String event = Events.dynamoDbStream(records);
        String what = "DynamoDB " + trigger.table() + " stream (" + size + " record" + (size == 1 ? "" : "s") + ")";
        for (int attempt = 1; !closed; attempt++) {
            Invocation invocation = delivery.deliver(event, what, attempt);
            if (invocation.succeeded()) {
                break;
            }
            // As Lambda logs a failed invocation's error, so that nothing fails unseen.
            System.err.println(functionName + " | ERROR " + what + " (attempt " + attempt + "): " + invocation.error());
            if (trigger.maximumRetryAttempts() >= 0 && attempt > trigger.maximumRetryAttempts()) {
                System.err.println(functionName + " | ERROR " + what + ": skipped after " + trigger.maximumRetryAttempts() + " retries");
                break;
            }
            pause(retryDelay.multipliedBy(Math.min(attempt, 10)).toMillis());
        }
        synchronized (this) {
            delivered++;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
