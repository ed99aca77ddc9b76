// builds the article body from JSON after load (client-side rendering)
fetch("/ratgeber/client/article.json").then(r => r.json()).then(data => {
  const article = document.getElementById("article");
  for (const s of data.sections) {
    const h = document.createElement("h2"); h.textContent = s.h2; article.appendChild(h);
    const p = document.createElement("p"); p.textContent = s.text; article.appendChild(p);
  }
});
