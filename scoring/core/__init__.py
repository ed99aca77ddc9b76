"""The neutral core of scoring: records, results, messages, shared lexicons, the AI-agent registry and
text helpers. It imports nothing of ours outside scoring.core, so every layer (spiders, scoring, reports,
auditor) may import it and nothing needs to be copied to respect the import rule (tests/test_architecture.py).
"""
