// a single-page app: the whole page exists only after this script ran
const texts = [
  "Seit zwanzig Jahren plant und baut Sonnenwerk Freiburg Solaranlagen für Familien, Höfe und Betriebe in Südbaden. Unser Team aus Elektromeistern und Dachdeckern begleitet jedes Projekt vom ersten Gespräch bis zur Inbetriebnahme.",
  "Wir beraten unabhängig von Herstellern, rechnen die Wirtschaftlichkeit ehrlich durch und kümmern uns um Netzanmeldung und Förderanträge. Nach der Montage bleiben wir Ihr Ansprechpartner für Wartung und Service.",
  "Über achthundert Anlagen laufen heute zwischen Kaiserstuhl und Schwarzwald. Viele unserer Kunden kommen auf Empfehlung von Nachbarn, die mit ihrer Anlage seit Jahren zufrieden sind."
];
const root = document.getElementById("app");
root.innerHTML = '<main><h1>Über Sonnenwerk</h1></main>';
for (const t of texts) { const p = document.createElement("p"); p.textContent = t; root.firstChild.appendChild(p); }
const a = document.createElement("a"); a.href = "/ratgeber/server/"; a.textContent = "Ratgeber Wärmepumpe"; root.firstChild.appendChild(a);
