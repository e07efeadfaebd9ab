/**
 * Scheduling: the service behind {@code serve} (Quartz crons, start-up catch-up, request files, heartbeat, notifications) and the job runner every caller goes through (one job at a time, one ledger row per run). Package map: docs/architecture.md.
 */
package uk.csc.warehouse.schedule;
