// the "more" links exist only after this script ran
const more = document.getElementById("more");
const a = document.createElement("a"); a.href = "/hidden-target/"; a.textContent = "Stromspeicher im Detail";
more.appendChild(a);
