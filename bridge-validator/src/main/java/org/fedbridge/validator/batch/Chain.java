package org.fedbridge.validator.batch;

/** The two chains a validator watches; {@link #label()} is the metric tag and stored name. */
public enum Chain {
  L1("l1"),
  SIDECHAIN("sidechain");

  private final String label;

  Chain(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
