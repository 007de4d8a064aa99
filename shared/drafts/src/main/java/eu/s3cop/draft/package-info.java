/** A rapporteur's Markdown draft: its front matter, its body, and every problem that stops it from being published. */
package eu.s3cop.draft;
