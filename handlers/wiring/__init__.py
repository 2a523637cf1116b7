"""The wiring on top: `build_application` (the one place handlers are registered), long polling and webhook run
modes, per-chat update scheduling, and the dispatch of button presses to the feature that owns them."""
