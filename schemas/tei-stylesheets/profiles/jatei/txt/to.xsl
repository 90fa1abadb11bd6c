<?xml version="1.0" encoding="UTF-8"?>
<!-- jatei profile for the TEI Consortium's TEI-to-text conversion (TEI Stylesheets).
     The stock conversion drops every <speaker> (an empty template), so a dialogue reads as
     lines with nobody speaking. This profile writes who speaks each turn on a line of its own
     before the turn: the source's label as it is, a speaker the editor supplied (<supplied>,
     an inferred turn) in brackets. Everything else is the stock conversion.
     Install: copy profiles/jatei into the profiles/ folder of a TEI Stylesheets checkout, then
       java -jar Saxon-HE.jar -s:doc.tei.xml -xsl:profiles/jatei/txt/to.xsl -o:doc.txt -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <xsl:import href="../../../txt/tei-to-text.xsl"/>

  <xsl:template match="sp/speaker">
    <xsl:choose>
      <xsl:when test="supplied">
        <xsl:value-of select="concat('[', normalize-space(.), ']&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(normalize-space(.), '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
