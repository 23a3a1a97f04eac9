"""Data in and out of a deal: the deal exchange file (``deal_json``), Schedule 1 import from CSV
and Excel (``schedule_import``), the register export (``register_export``) and the deadlines
calendar (``ics_export``). Nothing here holds a store session; imports go through services."""
