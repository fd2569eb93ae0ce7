DROP TABLE current_figures;
