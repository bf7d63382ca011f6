"""Scenario files: safe YAML loading, validation, and the immutable model."""
