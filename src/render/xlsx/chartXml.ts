/**
 * DrawingML parts for the Ranking and Trends charts (docs/reference/tabs.md): exceljs cannot write charts, so the writer
 * adds xl/charts/chartN.xml and xl/drawings/drawingN.xml itself. Element order follows the ECMA-376 schema
 * (CT_ChartSpace, CT_BarChart, CT_LineChart, CT_CatAx, CT_ValAx) — Excel "repairs" files that break it.
 */
import type { ChartSpec } from "../../report/model";

export const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Text without the characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF): a file holding one
 * does not open. Data text can carry them (docs/reference/robustness.md). */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** Text escaped for XML (the characters XML 1.0 cannot hold even escaped are dropped). */
export function escapeXml(s: string): string {
  return xmlText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Office's default palette (accent 1–6), so series look like Excel's own charts. */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

function richText(text: string, sizeHundredths: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${sizeHundredths}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strRef(ref: string, labels: string[]): string {
  const pts = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(l)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: number[], formatCode: string): string {
  // A missing point (no value for that period) is simply left out of the cache, as Excel does for blanks.
  const pts = values
    .map((v, i) => (Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function seriesXml(chart: ChartSpec, i: number): string {
  const s = chart.series[i];
  const color = s.color ? s.color.replace(/^#/, "").toUpperCase() : PALETTE[i % PALETTE.length];
  const dash = s.dashed ? `<a:prstDash val="dash"/>` : "";
  const values = chart.cache.values[i] ?? [];
  const cat = `<c:cat>${strRef(chart.categories, chart.cache.categories)}</c:cat>`;
  const val = `<c:val>${numRef(s.values, values, chart.yAxisFormat ?? "General")}</c:val>`;
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  if (chart.type === "bar") {
    // CT_BarSer: idx, order, tx, spPr, invertIfNegative, …, cat, val
    return (
      `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` +
      `<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`
    );
  }
  // CT_LineSer: idx, order, tx, spPr, marker, …, cat, val, smooth
  return (
    // CT_LineProperties: fill, then prstDash, then the join (round).
    `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` +
    `${dash}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>` +
    `${cat}${val}<c:smooth val="0"/></c:ser>`
  );
}

/** Chart text size in points: the cells' default font size. */
export const CHART_TEXT_POINTS = 11;

const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

/** One c:chartSpace part for a ChartSpec. */
export function chartSpaceXml(chart: ChartSpec): string {
  const series = chart.series.map((_, i) => seriesXml(chart, i)).join("");
  const axIds = `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/>`;
  const plot =
    chart.type === "bar"
      ? // CT_BarChart: barDir, grouping, varyColors, ser*, dLbls?, gapWidth?, overlap?, serLines*, axId{2}
        `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="80"/>${axIds}</c:barChart>`
      : // CT_LineChart: grouping, varyColors, ser*, dLbls?, dropLines?, hiLowLines?, upDownBars?, marker?, smooth?, axId+
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
  // A horizontal bar chart draws its first category at the bottom; maxMin puts rank 1 on top, like the table.
  const catOrientation = chart.type === "bar" ? "maxMin" : "minMax";
  const catAxPos = chart.type === "bar" ? "l" : "b";
  const valAxPos = chart.type === "bar" ? "b" : "l";
  // With reversed categories the value axis would jump to the top; crossing at the max category keeps it below.
  const valCrosses = chart.type === "bar" ? "max" : "autoZero";
  const valFmt = chart.yAxisFormat
    ? `<c:numFmt formatCode="${escapeXml(chart.yAxisFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="${catOrientation}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catAxPos}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  // CT_Scaling: logBase?, orientation?, max?, min? — a fixed minimum keeps Excel from starting the axis near the
  // lowest value (83 % for scores of 83–87 %), which makes a small spread look large.
  const valMin = chart.valueAxisMin === undefined ? "" : `<c:min val="${chart.valueAxisMin}"/>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/>${valMin}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valAxPos}"/><c:majorGridlines/>${valFmt}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX_ID}"/><c:crosses val="${valCrosses}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.series.length > 1 ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1400, true)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    // Text at the cells' 11 points, not Excel's 10: a chart prints at the tab's scale, which stays at 73 % or more
    // (docs/reference/tabs.md "Printing"), so its labels stay at 8 points or more too.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT_POINTS * 100}"/></a:pPr>` +
    `<a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** One xdr:wsDr part holding a graphic frame per chart; chartRelIds[i] is the drawing-rels id of chart i. */
export function drawingXml(charts: ChartSpec[], chartRelIds: string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const marker = (p: { col: number; row: number }): string =>
        `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(chart.from)}</xdr:from><xdr:to>${marker(chart.to)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${chartRelIds[i]}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}
