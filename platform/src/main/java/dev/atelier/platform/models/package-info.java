/**
 * Publishing a style model: its files, then its manifest, then the announcement on {@code atelier.models}, in that
 * order so that no worker hears of a model it cannot load; a style id belongs to one owner.
 */
package dev.atelier.platform.models;
