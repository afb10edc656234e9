package th.pmqa.studio.query.projection;

/**
 * Where one segment of the projection stands against the event store, whichever node works it.
 *
 * @param segment     the segment's id
 * @param position    the global position its stored token has reached
 * @param lag         how many stored events of its share (the assessments hashed to it) lie after that position:
 *                    exact when {@code lagExact}, otherwise the distance to the head (an upper bound, when the
 *                    segment is further behind than the status counts event by event)
 * @param lagExact    whether {@code lag} was counted event by event
 * @param claimedHere whether this node works the segment
 * @param error       why handling failed, while this node retries the segment after a failure; {@code null} when
 *                    it works normally or another node works it
 */
public record SegmentStanding(int segment, long position, long lag, boolean lagExact, boolean claimedHere,
                              String error) {
}
