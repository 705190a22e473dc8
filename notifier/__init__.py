"""Everything that leaves the building: deadlines, what is due, composing, the outbox, delivery."""
