package io.live2.engine.analysis;

import java.util.List;
import java.util.Locale;

/** Small inline-SVG drawing helpers for the report (no scripts, no external resources). */
final class Svg {
    private Svg() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A named series for {@link #lineChart}. */
    record Series(String name, String colour, double[] values) {
    }

    /** A line chart of several series against the same x values, with axes, ticks and a legend. */
    static String lineChart(String title, String xLabel, double[] x, List<Series> series, int width, int height) {
        double left = 60;
        double right = 20;
        double top = 30;
        double bottom = 45;
        double xmin = x.length == 0 ? 0 : x[0];
        double xmax = x.length == 0 ? 1 : Math.max(x[x.length - 1], xmin + 1);
        double ymax = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                ymax = Math.max(ymax, v);
            }
        }
        ymax = niceCeil(ymax);
        double pw = width - left - right;
        double ph = height - top - bottom;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">");
        b.append("<text x=\"").append(num(left)).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
        b.append("<line x1=\"").append(num(left)).append("\" y1=\"").append(num(top + ph)).append("\" x2=\"").append(num(left + pw))
                .append("\" y2=\"").append(num(top + ph)).append("\" stroke=\"#333\"/>");
        b.append("<line x1=\"").append(num(left)).append("\" y1=\"").append(num(top)).append("\" x2=\"").append(num(left))
                .append("\" y2=\"").append(num(top + ph)).append("\" stroke=\"#333\"/>");
        for (int t = 0; t <= 4; t++) {
            double yv = ymax * t / 4;
            double yy = top + ph - ph * t / 4;
            b.append("<line x1=\"").append(num(left - 4)).append("\" y1=\"").append(num(yy)).append("\" x2=\"").append(num(left + pw))
                    .append("\" y2=\"").append(num(yy)).append("\" stroke=\"#ddd\"/>");
            b.append("<text x=\"").append(num(left - 8)).append("\" y=\"").append(num(yy + 4)).append("\" font-size=\"11\" text-anchor=\"end\">")
                    .append(format(yv)).append("</text>");
            double xv = xmin + (xmax - xmin) * t / 4;
            double xx = left + pw * t / 4;
            b.append("<text x=\"").append(num(xx)).append("\" y=\"").append(num(top + ph + 16)).append("\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(format(xv)).append("</text>");
        }
        b.append("<text x=\"").append(num(left + pw / 2)).append("\" y=\"").append(num(height - 6)).append("\" font-size=\"12\" text-anchor=\"middle\">")
                .append(esc(xLabel)).append("</text>");
        int legend = 0;
        for (Series s : series) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < x.length && i < s.values().length; i++) {
                double xx = left + pw * (x[i] - xmin) / (xmax - xmin);
                double yy = top + ph - ph * s.values()[i] / ymax;
                pts.append(num(xx)).append(',').append(num(yy)).append(' ');
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim()).append("\"/>");
            double lx = left + pw - 170;
            double ly = top + 14 + 16 * legend++;
            b.append("<rect x=\"").append(num(lx)).append("\" y=\"").append(num(ly - 9)).append("\" width=\"12\" height=\"3\" fill=\"")
                    .append(s.colour()).append("\"/>");
            b.append("<text x=\"").append(num(lx + 18)).append("\" y=\"").append(num(ly - 4)).append("\" font-size=\"12\">").append(esc(s.name())).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
