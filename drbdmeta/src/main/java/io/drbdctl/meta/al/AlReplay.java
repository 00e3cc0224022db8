package io.drbdctl.meta.al;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Replays an activity log read in transaction order: finds the oldest and newest valid update
 * transaction and folds context and updates into the set of active extents.
 *
 * @param extents       active extent numbers after the replay (sorted)
 * @param hadUpdates    whether at least one update transaction was found
 * @param allValid      whether every block was a valid (update or initialized) transaction
 */
public record AlReplay(List<Integer> extents, boolean hadUpdates, boolean allValid) {

    private static final int FREE = -1;

    public AlReplay {
        extents = List.copyOf(extents);
    }

    /** @param blocks AL blocks in ring order (block for transaction slot 0, 1, ...) */
    public static AlReplay replay(List<byte[]> blocks) {
        List<Optional<AlTransaction>> tx = new ArrayList<>();
        boolean allValid = true;
        for (byte[] b : blocks) {
            Optional<AlTransaction> t = AlTransaction.decode(b);
            allValid &= t.isPresent();
            tx.add(t);
        }
        int oldest = -1;
        int newest = -1;
        for (int i = 0; i < tx.size(); i++) {
            Optional<AlTransaction> t = tx.get(i);
            if (t.isEmpty() || t.get().type() != AlTransaction.TYPE_UPDATE) {
                continue;
            }
            int nr = t.get().trNumber();
            if (oldest < 0 || nr - tx.get(oldest).get().trNumber() < 0) {
                oldest = i;
            }
            if (newest < 0 || nr - tx.get(newest).get().trNumber() > 0) {
                newest = i;
            }
        }
        if (oldest < 0) {
            return new AlReplay(List.of(), false, allValid);
        }
        Map<Integer, Integer> slots = new LinkedHashMap<>();
        int n = tx.size();
        int i = oldest;
        while (true) {
            Optional<AlTransaction> ot = tx.get(i);
            if (ot.isPresent() && ot.get().type() == AlTransaction.TYPE_UPDATE) {
                apply(ot.get(), slots);
            }
            if (i == newest) {
                break;
            }
            i = (i + 1) % n;
        }
        TreeSet<Integer> ext = new TreeSet<>();
        for (int e : slots.values()) {
            if (e != FREE) {
                ext.add(e);
            }
        }
        return new AlReplay(new ArrayList<>(ext), true, allValid);
    }

    private static void apply(AlTransaction t, Map<Integer, Integer> slots) {
        for (int j = 0; j < t.context().size(); j++) {
            int slot = t.contextStart() + j;
            if (slot >= t.contextSize()) {
                break;
            }
            slots.put(slot, t.context().get(j));
        }
        for (int j = 0; j < t.updateSlots().size(); j++) {
            int slot = t.updateSlots().get(j);
            if (slot >= 65534) {
                continue;
            }
            slots.put(slot, t.updateExtents().get(j));
        }
    }
}
