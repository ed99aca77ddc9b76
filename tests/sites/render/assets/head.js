// a script that rewrites title, canonical and robots
document.title = "Kontakt – jetzt anrufen!";
document.querySelector('link[rel="canonical"]').href = "/";
document.querySelector('meta[name="robots"]').content = "noindex,follow";
