package io.live2.model;

/**
 * Morse bond U(r) = D_e[(1 − e^{−a(r − r_e)})² − 1]: zero at dissociation, −D_e at r_e.
 *
 * @param depth  D_e in kJ/mol
 * @param reNm   r_e in nm
 * @param aPerNm a in 1/nm
 */
public record MorseParams(double depth, double reNm, double aPerNm, String citation) {

    public double energy(double r) {
        double e = Math.exp(-aPerNm * (r - reNm));
        double s = 1.0 - e;
        return depth * (s * s - 1.0);
    }

    /** −dU/dr: positive means the bond pushes the atoms apart. */
    public double forceMagnitude(double r) {
        double e = Math.exp(-aPerNm * (r - reNm));
        return -2.0 * depth * aPerNm * (1.0 - e) * e;
    }

    /** Distance beyond r_e at which U(r) = −fraction·D_e (0 &lt; fraction &lt; 1). */
    public double distanceAtDepthFraction(double fraction) {
        return reNm + Math.log(1.0 / (1.0 - Math.sqrt(1.0 - fraction))) / aPerNm;
    }
}
