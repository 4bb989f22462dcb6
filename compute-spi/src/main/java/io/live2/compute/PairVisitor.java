package io.live2.compute;

/** Receives a candidate pair: slot indices i &lt; j and their squared minimum-image distance. */
@FunctionalInterface
public interface PairVisitor {
    void visit(int i, int j, double r2);
}
