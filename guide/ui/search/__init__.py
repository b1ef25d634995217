"""The search panel beside the tree, and its index built after the first paint."""
