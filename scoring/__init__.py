"""Pure scoring library: record/result types, check registry, computed site data, checks.

Imports nothing else of ours (docs/architecture.md).
"""
