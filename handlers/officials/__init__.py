"""What officials and administrators use: joining, the question queue, answering, statistics, reload, audit, and the
guided edits with review and rollback. May use ``handlers.common`` and the core."""
