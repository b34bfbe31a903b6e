"""Pipeline stages: each reads and writes named fields of an Article, nothing else."""
