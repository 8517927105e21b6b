"""One dynamic partition per source PDF, keyed by its document id (the file stem)."""

import dagster as dg

documents = dg.DynamicPartitionsDefinition(name="documents")
