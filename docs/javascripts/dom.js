// Building page elements from plain values. Text always goes in with textContent, never as
// HTML, so whatever a person typed or a file held is shown as text. Shared by the scorer,
// the compare and progress pages, the easy-read pages and the checklist (window.KitDom).
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "hidden") node.hidden = !!value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
  }

  function append(node, children) {
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  /** Whether this browser lets the page keep data (private modes and full disks may not). */
  function storageWorks() {
    try {
      window.localStorage.setItem("kit:probe", "1");
      window.localStorage.removeItem("kit:probe");
      return true;
    } catch (e) {
      return false;
    }
  }

  /** Run `init` on every page view: through Material's document$ when it is there. */
  function onPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  window.KitDom = { el: el, svg: svg, setAttrs: setAttrs, append: append, storageWorks: storageWorks,
                    onPage: onPage };
})();
