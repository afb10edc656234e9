package th.pmqa.studio.infra.embedded;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds a connection's reply to a write until the write is durable, without holding the thread. The wire server
 * runs each command on the connection's event-loop thread and writes the reply as soon as the command returns; an
 * event loop serves many connections, so waiting there for an fsync would also stall the reads of every other
 * connection on that loop. This handler sits at the tail of the connection's pipeline, sees the reply before it is
 * encoded, and sends it on when the write's commit has finished; if the commit failed, it closes the connection
 * instead, so the client learns that the write was not acknowledged.
 * <p>
 * Replies leave in the order their requests came, also when one of them is held. Only the connection's event loop
 * touches the fields.
 */
final class HeldReplies extends ChannelOutboundHandlerAdapter {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private CompletableFuture<Void> nextReplyWaitsFor;
    private CompletableFuture<Void> previousReplySent = DONE;

    /**
     * The next reply written on {@code channel} leaves once {@code durable} completes. Call it on the channel's event
     * loop, before the reply is written.
     */
    static void holdNextReply(Channel channel, CompletableFuture<Void> durable) {
        HeldReplies held = channel.pipeline().get(HeldReplies.class);
        if (held == null) {
            held = new HeldReplies();
            channel.pipeline().addLast(held);
        }
        held.nextReplyWaitsFor = durable;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
        CompletableFuture<Void> waitsFor = nextReplyWaitsFor;
        nextReplyWaitsFor = null;
        if (waitsFor == null && previousReplySent.isDone() && !previousReplySent.isCompletedExceptionally()) {
            ctx.write(reply, promise);
            return;
        }
        CompletableFuture<Void> ready = waitsFor == null ? previousReplySent
                : previousReplySent.thenCombine(waitsFor, (before, durable) -> null);
        // done once handed on, on the event loop: a later reply cannot overtake it
        CompletableFuture<Void> sent = new CompletableFuture<>();
        previousReplySent = sent;
        ready.whenComplete((ok, failed) -> {
            try {
                ctx.executor().execute(() -> {
                    if (failed == null) {
                        ctx.writeAndFlush(reply, promise);
                        sent.complete(null);
                    } else {
                        promise.tryFailure(failed);
                        ctx.close();
                        sent.completeExceptionally(failed);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                promise.tryFailure(shuttingDown);
                sent.completeExceptionally(shuttingDown);
            }
        });
    }
}
