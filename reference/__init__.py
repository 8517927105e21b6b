"""Reference disclosure: a deterministic re-typesetting of one real budget disclosure.

We only hold the *text* of the 2023 部门预算 disclosure of the Chaoyang street office (Beibei
district, Chongqing), not its PDF. This package turns that text back into a PDF laid out the way
government offices publish them (ruled grids, merged header cells, tables broken over pages with
repeated headers, landscape pages for wide tables) so the extraction pipeline has a realistic,
reproducible input whose every cell is known. ``python -m reference.typeset`` regenerates
``data/raw/chongqing_beibei_chaoyang_2023_budget.pdf`` byte for byte.
"""
