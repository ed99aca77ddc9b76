window.vendorLoaded = true;
