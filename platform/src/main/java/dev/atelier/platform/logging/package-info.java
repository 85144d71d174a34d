/** What the services' log lines carry about their subject (the MDC keys). */
package dev.atelier.platform.logging;
