"""What associations and candidates use: free-text questions, the public commands, inline sharing of goals, and the
contact flow (topic buttons, handing a question over, /forget). May use ``handlers.common`` and the core."""
